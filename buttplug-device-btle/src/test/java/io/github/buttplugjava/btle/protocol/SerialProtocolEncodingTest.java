package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encodings of the serial-only protocols that have no upstream device test case (facts from the
 * reference's {@code kizuna.rs} and {@code nextlevelracing.rs}); their bytes over a real
 * pseudo-terminal are checked in buttplug-device-serial's SerialDeviceSourceTest.
 */
class SerialProtocolEncodingTest {

    private static HardwareCommand.Write ascii(String text) {
        return new HardwareCommand.Write(Endpoint.TX, text.getBytes(StandardCharsets.US_ASCII), false, 0);
    }

    @Test
    void kizunaWritesTheSpeedDigitAndCrLf() {
        assertThat(new Kizuna().rotate(0, 0)).containsExactly(ascii("0\r\n"));
        assertThat(new Kizuna().rotate(0, 7)).containsExactly(ascii("7\r\n"));
        assertThat(new Kizuna().rotate(0, 9)).containsExactly(ascii("9\r\n"));
        assertThatThrownBy(() -> new Kizuna().rotate(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Kizuna().vibrate(0, 1)).hasMessageContaining("Vibrate");
    }

    @Test
    void nextLevelRacingWritesOneUnpaddedLinePerMotor() {
        assertThat(new NextLevelRacing().vibrate(0, 0)).containsExactly(ascii("M00\r"));
        assertThat(new NextLevelRacing().vibrate(3, 7)).containsExactly(ascii("M37\r"));
        assertThat(new NextLevelRacing().vibrate(7, 255)).containsExactly(ascii("M7255\r"));
        assertThat(new NextLevelRacing().vibrate(7, 255).get(0).overlaps(new NextLevelRacing().vibrate(6, 1).get(0)))
                .as("motors are separate groups, so a batch keeps a line per motor").isFalse();
    }

    @Test
    void bothAreBuiltIn() {
        assertThat(Protocols.builtIn().factory("kizuna")).isPresent();
        assertThat(Protocols.builtIn().factory("nextlevelracing")).isPresent();
    }
}
