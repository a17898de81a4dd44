package io.github.buttplugjava.remote.hub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Device names from agents are cleaned before a controller sees them. */
class AliasedDeviceTest {

    @Test
    void deviceNamesFromAgentsAreCleanedAndBounded() {
        assertThat(AliasedDevice.cleanName("Evil\u0000\u001b[31mName" + "x".repeat(100)))
                .hasSize(io.github.buttplugjava.core.PeerText.MAX_NAME).doesNotContain("\u0000", "\u001b");
        assertThat(AliasedDevice.cleanName("\n\t")).isEqualTo("device");
        assertThat(AliasedDevice.cleanName("Lovense Hush")).isEqualTo("Lovense Hush");
    }
}
