package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class ZaloTest {

    @Test
    void sendsBothMotorsWithStoppedOnesAsOne() throws Exception {
        HandlerProbe zalo = HandlerProbe.connect("zalo", "ZALO-Queen");
        assertThat(zalo.definition.name()).isEqualTo("Zalo Queen");
        assertThat(zalo.handler.vibrate(0, 5)).containsExactly(write(Endpoint.TX, true, 0x01, 5, 1));
        assertThat(zalo.handler.vibrate(1, 3)).containsExactly(write(Endpoint.TX, true, 0x01, 5, 3));
        assertThat(zalo.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TX, true, 0x01, 1, 3));
        assertThat(zalo.handler.vibrate(1, 0)).containsExactly(write(Endpoint.TX, true, 0x02, 1, 1));
    }
}
