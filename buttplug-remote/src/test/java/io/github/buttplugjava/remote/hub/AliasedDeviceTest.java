package io.github.buttplugjava.remote.hub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Device names from agents are cleaned before a controller sees them, and never prefixed twice. */
class AliasedDeviceTest {

    @Test
    void deviceNamesFromAgentsAreCleanedAndBounded() {
        assertThat(AliasedDevice.cleanName("Evil\u0000\u001b[31mName" + "x".repeat(100)))
                .hasSize(io.github.buttplugjava.core.PeerText.MAX_NAME).doesNotContain("\u0000", "\u001b");
        assertThat(AliasedDevice.cleanName("\n\t")).isEqualTo("device");
        assertThat(AliasedDevice.cleanName("Lovense Hush")).isEqualTo("Lovense Hush");
    }

    @Test
    void aNameAlreadyPrefixedWithTheAliasIsNotPrefixedTwice() {
        assertThat(AliasedDevice.withoutAlias("Alice - Test Device", "Alice", " - ")).isEqualTo("Test Device");
        // a 0.13 forwarder's own " - " goes too when the hub uses another separator
        assertThat(AliasedDevice.withoutAlias("Alice - Test Device", "Alice", " / ")).isEqualTo("Test Device");
        assertThat(AliasedDevice.withoutAlias("Alice / Test Device", "Alice", " / ")).isEqualTo("Test Device");
        assertThat(AliasedDevice.withoutAlias("Bob - Test Device", "Alice", " - ")).isEqualTo("Bob - Test Device");
        assertThat(AliasedDevice.withoutAlias("Alice - ", "Alice", " - ")).isEqualTo("Alice - ");
        assertThat(AliasedDevice.withoutAlias("Alice - Bob - Toy", "Alice", " - ")).isEqualTo("Bob - Toy");
    }
}
