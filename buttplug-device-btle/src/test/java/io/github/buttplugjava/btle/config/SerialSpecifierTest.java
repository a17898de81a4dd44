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

        ProtocolDefinition tcode = config.protocol("tcode-v03").orElseThrow();
        SerialSpecifier serial = tcode.serialFor("/dev/ttyACM0").orElseThrow();
        assertThat(serial).isEqualTo(new SerialSpecifier("/dev/ttyACM0", 230400, 8, 'E', 2));
        assertThat(serial.namesPort()).isTrue();
        assertThat(tcode.serialPorts()).containsExactly(serial);
        assertThat(config.serialPorts()).containsOnlyKeys("tcode-v03");
        // another port of the protocol keeps the protocol's own settings
        assertThat(tcode.serialFor("/dev/ttyUSB3")).contains(new SerialSpecifier("default", 115200, 8, 'N', 1));
        assertThat(tcode.serial()).contains(new SerialSpecifier("default", 115200, 8, 'N', 1));
        assertThat(tcode.defaults().name()).isEqualTo("TCode v0.3 (Single Linear Axis)");
    }

    @Test
    void aUserConfigurationCanNameSeveralPortsOfOneProtocolAndOfSeveral() {
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {
                  "tcode-v03": {"communication": [
                    {"serial": {"port": "/dev/ttyACM0", "baud_rate": 115200, "data_bits": 8, "parity": "N", "stop_bits": 1}},
                    {"serial": {"port": "/dev/ttyACM1", "baud_rate": 230400, "data_bits": 8, "parity": "N", "stop_bits": 1}}]},
                  "nobra": {"communication": [
                    {"serial": {"port": "/dev/ttyUSB0", "baud_rate": 19200, "data_bits": 8, "parity": "N", "stop_bits": 1}}]}}}}
                """);
        assertThat(config.serialPorts().get("tcode-v03")).extracting(SerialSpecifier::port)
                .containsExactly("/dev/ttyACM0", "/dev/ttyACM1");
        assertThat(config.protocol("tcode-v03").orElseThrow().serialFor("/dev/ttyACM1").orElseThrow().baudRate())
                .isEqualTo(230400);
        assertThat(config.serialPorts().get("nobra")).extracting(SerialSpecifier::port).containsExactly("/dev/ttyUSB0");
        // nobra is also BLE: naming a port keeps its BLE side
        assertThat(config.protocol("nobra").orElseThrow().btle()).isPresent();
        assertThat(DeviceConfiguration.bundled().serialPorts()).isEmpty();
    }

    @Test
    void lovenseConnectHostsComeFromTheUserConfiguration() {
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"lovense-connect-service": {"communication": [
                  {"lovense_connect_service": {"exists": true, "host": "192.168.1.20:20010"}},
                  {"lovense_connect_service": {"host": "127.0.0.1:34567"}}]}}}}
                """);
        assertThat(config.lovenseConnectHosts()).containsExactly("192.168.1.20:20010", "127.0.0.1:34567");
        assertThat(config.protocol("lovense-connect-service").orElseThrow().defaults().name()).isNotEmpty();
        assertThat(DeviceConfiguration.bundled().lovenseConnectHosts()).isEmpty();
        assertThatThrownBy(() -> DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"lovense-connect-service": {"communication": [
                  {"lovense_connect_service": {"host": 20010}}]}}}}
                """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOST:PORT");
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
