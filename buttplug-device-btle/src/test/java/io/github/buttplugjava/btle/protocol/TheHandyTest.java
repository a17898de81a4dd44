package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class TheHandyTest {

    @Test
    void encodesLinearCmdAsHandyplugProtobuf() throws Exception {
        ProtocolHandler handy = HandlerProbe.connect("thehandy", "The Handy").handler;
        // Payload{Messages:[{LinearCmd:{Id:2, Vectors:[{Duration:500, Position:0.5}]}}]}
        assertThat(handy.positionWithDuration(0, 50, 500)).containsExactly(write(Endpoint.TX, true,
                0x0a, 0x13, 0x9a, 0x19, 0x10, 0x08, 0x02, 0x1a, 0x0c,
                0x10, 0xf4, 0x03, 0x19, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xe0, 0x3f));
        // position 0 and duration 0 are proto3 defaults and left out; the vector stays, empty
        assertThat(handy.positionWithDuration(0, 0, 0)).containsExactly(write(Endpoint.TX, true,
                0x0a, 0x07, 0x9a, 0x19, 0x04, 0x08, 0x02, 0x1a, 0x00));
    }
}
