package io.github.buttplugjava.btle.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration's {@code serial} communication entries. */
class SerialSpecifierTest {

    @Test
    void theBundledSerialProtocolsCarryTheirLineSettings() {
        DeviceConfiguration config = DeviceConfiguration.bundled();

        assertThat(config.protocol("tcode-v03").orElseThrow().serial())
                .contains(new SerialSpecifier("default", 115200, 8, 'N', 1));
        assertThat(config.protocol("nobra").orElseThrow().serial())
                .contains(new SerialSpecifier("default", 19200, 8, 'N', 1));
        assertThat(config.protocol("nobra").orElseThrow().btle()).isPresent();
        assertThat(config.protocol("kizuna").orElseThrow().serial().orElseThrow().baudRate()).isEqualTo(19200);
        assertThat(config.protocol("nextlevelracing").orElseThrow().serial().orElseThrow().baudRate()).isEqualTo(115200);
        assertThat(config.protocol("lovense").orElseThrow().serial()).isEmpty();
        assertThat(config.protocol("tcode-v03").orElseThrow().serial().orElseThrow().namesPort()).isFalse();
    }

    @Test
    void aUserConfigurationCanNameThePortAndSettings() {
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"tcode-v03": {"communication": [{"serial": {
                  "port": "/dev/ttyACM0", "baud_rate": 230400, "data_bits": 8, "parity": "e", "stop_bits": 2}}]}}}}
                """);

        SerialSpecifier serial = config.protocol("tcode-v03").orElseThrow().serial().orElseThrow();
        assertThat(serial).isEqualTo(new SerialSpecifier("/dev/ttyACM0", 230400, 8, 'E', 2));
        assertThat(serial.namesPort()).isTrue();
        assertThat(config.protocol("tcode-v03").orElseThrow().defaults().name())
                .isEqualTo("TCode v0.3 (Single Linear Axis)");
    }

    @Test
    void badLineSettingsAreClearErrors() {
        assertThatThrownBy(() -> DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"tcode-v03": {"communication": [{"serial": {"port": "/dev/x"}}]}}}}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baud rate");
        assertThatThrownBy(() -> new SerialSpecifier("p", 9600, 9, 'N', 1)).hasMessageContaining("data bits");
        assertThatThrownBy(() -> new SerialSpecifier("p", 9600, 8, 'X', 1)).hasMessageContaining("parity");
        assertThatThrownBy(() -> new SerialSpecifier("p", 9600, 8, 'N', 3)).hasMessageContaining("stop bits");
    }
}
