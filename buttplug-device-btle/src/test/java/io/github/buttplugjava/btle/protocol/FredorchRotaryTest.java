package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class FredorchRotaryTest {

    private static HardwareCommand tx(int command) {
        return write(Endpoint.TX, false, 0x55, 0x03, command, command + 3, 0xaa);
    }

    @Test
    void handshakesThenStepsTheSpeedOneFrameAtATime() throws Exception {
        ScriptedIo io = new ScriptedIo("M1_ABC").replyOnRx(data -> Frames.bytes(0x55));
        HandlerProbe machine = HandlerProbe.connect("fredorch-rotary", io);
        assertThat(machine.definition.name()).isEqualTo("Fredorch Rotary Device");
        assertThat(io.traffic).containsExactly(new HardwareCommand.Subscribe(Endpoint.RX),
                tx(0x99),
                write(Endpoint.TX, false, 0x55, 0x09, 0x21, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x2a, 0xaa),
                tx(0x1f),
                tx(0x24));
        io.traffic.clear();

        assertThat(machine.handler.oscillate(0, 3)).isEmpty();
        assertThat(io.traffic).containsExactly(tx(0x01), tx(0x01), tx(0x01));
        io.traffic.clear();
        assertThat(machine.handler.oscillate(0, 1)).isEmpty();
        assertThat(io.traffic).containsExactly(tx(0x02), tx(0x02));
        io.traffic.clear();
        assertThat(machine.handler.oscillate(0, 0)).containsExactly(tx(0x24));
        assertThat(io.traffic).isEqualTo(List.of());
    }
}
