package io.github.buttplugjava.remote.link;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {

    @Test
    void generatedTokensAreLongUrlSafeAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String v = AccessToken.generate().reveal();
            assertThat(v).hasSize(43).matches("[A-Za-z0-9_-]+");
            seen.add(v);
        }
        assertThat(seen).hasSize(100);
    }

    @Test
    void matchesOnlyItself() {
        AccessToken t = AccessToken.generate();
        String v = t.reveal();
        assertThat(t.matches(v)).isTrue();
        assertThat(t.matches(v.substring(1))).isFalse();
        assertThat(t.matches(v + "x")).isFalse();
        assertThat(t.matches("")).isFalse();
        assertThat(t.matches(null)).isFalse();
        assertThat(t.matches("x".repeat(10_000))).isFalse();
    }

    @Test
    void neverPrintsItsValue() {
        AccessToken t = AccessToken.generate();
        assertThat(t.toString()).doesNotContain(t.reveal()).contains("redacted");
        Hello h = new Hello(1, t.reveal(), "Alice");
        assertThat(h.toString()).doesNotContain(t.reveal());
    }

    @Test
    void refusesShortOrOddGivenTokens() {
        assertThatThrownBy(() -> AccessToken.of("secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessToken.of("a".repeat(21))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessToken.of("a".repeat(30) + "/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AccessToken.of("a".repeat(22)).matches("a".repeat(22))).isTrue();
    }

    @Test
    void helloRoundTripsAndCleansTheAlias() {
        Hello h = Hello.decode(new Hello(1, "tok", " Al\u0007ice\n ").encode());
        assertThat(h.alias()).isEqualTo("Alice");
        assertThat(h.token()).isEqualTo("tok");
        assertThat(Hello.cleanAlias("x".repeat(100))).hasSize(Hello.MAX_ALIAS);
        assertThatThrownBy(() -> Hello.cleanAlias(" \u0000 ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hello.decode("[{\"Ping\":{\"Id\":1}}]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hello.decode("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repliesRoundTrip() {
        assertThat(HelloReply.decode(new HelloReply.Welcome(1, "r").encode())).isEqualTo(new HelloReply.Welcome(1, "r"));
        assertThat(HelloReply.decode(new HelloReply.Denied("no").encode())).isEqualTo(new HelloReply.Denied("no"));
        assertThatThrownBy(() -> HelloReply.decode("{}")).isInstanceOf(IllegalArgumentException.class);
    }
}
