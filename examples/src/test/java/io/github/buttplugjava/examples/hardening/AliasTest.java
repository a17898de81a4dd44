package io.github.buttplugjava.examples.hardening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 9: an alias that looks like a live one in the room ("Еvе" with Cyrillic Е and е while "Eve"
 * is there) or repeats it ("Frank" twice) is Denied with a reason; there is no silent "Frank (2)".
 */
class AliasTest {

    @Test
    void aLookAlikeOfALiveAliasIsDenied() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub();
             HostileAgent eve = HostileAgent.connect(hub.port()).devices(Wire.vibrators(0, 1, "Toy "));
             HostileAgent fake = HostileAgent.connect(hub.port()).devices(Wire.vibrators(0, 1, "Toy "))) {
            assertThat(eve.hello(Rigs.Hub.shareToken(0), "Eve")).contains("Welcome");
            String reply = fake.hello(Rigs.Hub.shareToken(0), "\u0415v\u0435");
            assertThat(reply).as("hello as a look-alike of Eve").contains("\"Denied\"");
            assertThat(Wire.JSON.readTree(reply).path("Denied").path("Reason").asText()).isNotBlank();
        }
    }

    @Test
    void aDuplicateAliasIsDeniedNotRenamed() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub();
             HostileAgent first = HostileAgent.connect(hub.port()).devices(Wire.vibrators(0, 1, "Toy "));
             HostileAgent second = HostileAgent.connect(hub.port()).devices(Wire.vibrators(0, 1, "Toy "))) {
            assertThat(first.hello(Rigs.Hub.shareToken(0), "Frank")).contains("Welcome");
            String reply = second.hello(Rigs.Hub.shareToken(0), "Frank");
            assertThat(reply).as("second hello as Frank").contains("\"Denied\"");
            assertThat(Wire.JSON.readTree(reply).path("Denied").path("Reason").asText()).isNotBlank();
            Thread.sleep(300);
            assertThat(hub.room().agents()).as("aliases in the room").doesNotContain("Frank (2)");
        }
    }
}
