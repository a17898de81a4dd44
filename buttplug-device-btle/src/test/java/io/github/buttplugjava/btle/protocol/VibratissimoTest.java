package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;

class VibratissimoTest {

    @Test
    void identifiesTheModelFromTheModelCharacteristic() throws Exception {
        ScriptedIo io = new ScriptedIo("Vibratissimo").answerRead(Endpoint.RXBLEMODEL, "Rabbit".getBytes(StandardCharsets.UTF_8));
        HandlerProbe rabbit = HandlerProbe.connect("vibratissimo", io);
        assertThat(rabbit.definition.name()).isEqualTo("Vibratissimo Rabbit");
        assertThat(rabbit.handler.vibrate(1, 10)).containsExactly(
                write(Endpoint.TXMODE, false, 0x03, 0xff),
                write(Endpoint.TXVIBRATE, false, 0, 10, 0));
    }

    @Test
    void padsSingleMotorFramesAndFallsBackToTheNameOnBadUtf8() throws Exception {
        ScriptedIo io = new ScriptedIo("Vibratissimo").answerRead(Endpoint.RXBLEMODEL, Frames.bytes(0xff, 0xfe));
        HandlerProbe single = HandlerProbe.connect("vibratissimo", io);
        assertThat(single.definition.identifier()).isEqualTo("Vibratissimo");
        assertThat(single.handler.vibrate(0, 5)).containsExactly(
                write(Endpoint.TXMODE, false, 0x03, 0xff),
                write(Endpoint.TXVIBRATE, false, 5, 0));
    }
}
