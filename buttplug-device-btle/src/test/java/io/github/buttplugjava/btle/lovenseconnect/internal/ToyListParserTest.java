package io.github.buttplugjava.btle.lovenseconnect.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToyListParserTest {

    @Test
    void readsTheAppsToyList() {
        var toys = ToyListParser.parse("""
                {"type":"OK","code":200,"data":{
                  "a1":{"id":"a1","name":"nora","nickName":"","status":"1","version":"3","battery":"77"},
                  "b2":{"id":"b2","name":"lush","nickName":"x","status":0,"version":3,"battery":null},
                  "c3":{"id":"c3","name":"max","status":true,"battery":140}}}
                """);
        assertThat(toys).containsExactly(new ConnectToy("a1", "nora", true, 77), new ConnectToy("b2", "lush", false, 0),
                new ConnectToy("c3", "max", true, 100));
        assertThat(toys.get(0).identifier()).isEqualTo("Nora");
    }

    @Test
    void noDataIsNoToys() {
        assertThat(ToyListParser.parse("{\"type\":\"OK\",\"code\":200}")).isEmpty();
    }

    @Test
    void refusesWhatIsNotAToyList() {
        assertThatThrownBy(() -> ToyListParser.parse("<html>")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> ToyListParser.parse("[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ToyListParser.parse("{\"data\":{\"a\":{\"name\":\"nora\"}}}")).hasMessageContaining("without id");
        assertThatThrownBy(() -> ToyListParser.parse("{\"data\":{\"a\":{\"id\":\"a\",\"name\":\"nora\",\"battery\":\"lots\"}}}"))
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> ToyListParser.parse("{\"data\":{\"a\":{\"id\":\"a\\u001b[31m\",\"name\":\"nora\"}}}"))
                .hasMessageContaining("control characters");
        StringBuilder many = new StringBuilder("{\"data\":{");
        for (int i = 0; i <= ToyListParser.MAX_TOYS; i++) {
            many.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"id\":\"t").append(i).append("\",\"name\":\"nora\"}");
        }
        assertThatThrownBy(() -> ToyListParser.parse(many + "}}")).hasMessageContaining("more than");
    }
}
