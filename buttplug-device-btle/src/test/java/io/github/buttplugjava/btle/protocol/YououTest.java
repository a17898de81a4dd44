package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class YououTest {

    @Test
    void countsPacketsAndEndsWithAnXorCheck() throws Exception {
        HandlerProbe youou = HandlerProbe.connect("youou", "VX001_1234");
        assertThat(youou.definition.identifier()).isEqualTo("VX001_");
        assertThat(youou.handler.vibrate(0, 100)).containsExactly(write(Endpoint.TX, false,
                0xaa, 0x55, 0x00, 0x02, 0x03, 0x01, 100, 0x01, 0x9a, 0xff, 0, 0, 0, 0, 0, 0, 0));
        assertThat(youou.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TX, false,
                0xaa, 0x55, 0x01, 0x02, 0x03, 0x01, 0, 0x00, 0xfe, 0xff, 0, 0, 0, 0, 0, 0, 0));
    }
}
