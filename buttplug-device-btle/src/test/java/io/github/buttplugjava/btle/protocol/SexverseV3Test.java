package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.buttplugjava.btle.protocol.HandlerProbe.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sexverse v3 as the reference's {@code sexverse_v3.rs} encodes it: {@code a1 04 speed feature+1}
 * written with response, the last frame repeated after 100 ms without a command.
 */
class SexverseV3Test {

    @Test
    void theTayVibratesWithOneFramePerCommand() throws Exception {
        HandlerProbe tay = HandlerProbe.connect("sexverse-v3", "TAY001");
        assertThat(tay.definition.name()).isEqualTo("Sexverse Tay 1");
        assertThat(tay.handler.vibrate(0, 20)).containsExactly(write(Endpoint.TX, true, 0xa1, 0x04, 20, 0x01));
        assertThat(tay.handler.vibrate(0, 7)).containsExactly(write(Endpoint.TX, true, 0xa1, 0x04, 7, 0x01));
        assertThat(tay.handler.vibrate(0, 0)).containsExactly(write(Endpoint.TX, true, 0xa1, 0x04, 0, 0x01));
        assertThat(tay.handler.keepalive()).contains(Duration.ofMillis(100));
    }

    /**
     * The Zeus's configuration gives it an oscillator as feature 1, but the reference handler
     * encodes only vibrate and rotate, so an oscillate command is refused there; it is refused
     * here too rather than guessing a frame for a motor we cannot check.
     */
    @Test
    void theZeusVibratesAndItsOscillatorIsRefusedAsInTheReference() throws Exception {
        HandlerProbe zeus = HandlerProbe.connect("sexverse-v3", "TA-S001A");
        assertThat(zeus.definition.name()).isEqualTo("Sexverse Zeus");
        assertThat(zeus.handler.vibrate(0, 12)).containsExactly(write(Endpoint.TX, true, 0xa1, 0x04, 12, 0x01));
        assertThatThrownBy(() -> zeus.handler.oscillate(1, 10)).hasMessageContaining("Oscillate");
    }
}
