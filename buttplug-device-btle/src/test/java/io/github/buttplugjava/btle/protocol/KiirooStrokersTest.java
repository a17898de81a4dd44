package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Kiiroo v2 (Launch) and v3 (Keon Wifi), which have no upstream device test case. */
class KiirooStrokersTest {

    @Test
    void launchInitialisesFirmwareAndSendsPositionAndSpeed() throws Exception {
        HandlerProbe launch = HandlerProbe.connect("kiiroo-v2", "Launch");
        assertThat(launch.definition.name()).isEqualTo("Fleshlight Launch");
        assertThat(launch.io.traffic).containsExactly(write(Endpoint.FIRMWARE, true, 0x00));
        // full stroke in 500 ms: 99 * 250 * (500*90/100)^-1.05 = 40.x
        assertThat(launch.handler.positionWithDuration(0, 99, 500)).containsExactly(write(Endpoint.TX, false, 99, 40));
        // 50 of 99 in 300 ms: 33.x
        assertThat(launch.handler.positionWithDuration(0, 49, 300)).containsExactly(write(Endpoint.TX, false, 49, 33));
    }

    @Test
    void keonWifiSpeaksKiirooV21() throws Exception {
        HandlerProbe keon = HandlerProbe.connect("kiiroo-v3", "Keon Wifi");
        assertThat(keon.definition.name()).isEqualTo("Kiiroo Keon");
        assertThat(keon.io.traffic).isEmpty();
        assertThat(keon.handler.positionWithDuration(0, 99, 500)).containsExactly(write(Endpoint.TX, false, 0x03, 0x00, 40, 99));
    }
}
