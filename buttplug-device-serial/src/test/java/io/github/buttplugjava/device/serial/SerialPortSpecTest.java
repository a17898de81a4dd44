package io.github.buttplugjava.device.serial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialPortSpecTest {

    @Test
    void parsesPortEqualsProtocol() {
        assertThat(SerialPortSpec.parse("/dev/ttyACM0=tcode-v03"))
                .isEqualTo(new SerialPortSpec("/dev/ttyACM0", "tcode-v03"));
        assertThat(SerialPortSpec.parse("COM3 = nobra")).isEqualTo(new SerialPortSpec("COM3", "nobra"));
        assertThat(SerialPortSpec.parse("/dev/serial/by-id/a=b=kizuna").port()).isEqualTo("/dev/serial/by-id/a=b");
    }

    @Test
    void refusesWhatIsNotPortEqualsProtocol() {
        for (String bad : new String[]{"", "/dev/ttyUSB0", "=nobra", "/dev/ttyUSB0=", " =nobra"}) {
            assertThatThrownBy(() -> SerialPortSpec.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SerialPortSpec.parse("/dev/tty\u0007=nobra"))
                .hasMessageContaining("control character");
        assertThatThrownBy(() -> SerialPortSpec.parse("x".repeat(300) + "=nobra"))
                .hasMessageContaining("longer than 256");
    }
}
