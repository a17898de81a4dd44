package io.github.buttplugjava.btle.lovenseconnect;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LovenseConnectHostTest {

    @Test
    void parsesHostAndPort() {
        assertThat(LovenseConnectHost.parse("192.168.1.20:20010")).isEqualTo(new LovenseConnectHost("192.168.1.20", 20010));
        assertThat(LovenseConnectHost.parse("[::1]:30010").uri().toString()).isEqualTo("http://[::1]:30010");
        assertThat(LovenseConnectHost.parse("phone.local:20010").uri().toString()).isEqualTo("http://phone.local:20010");
    }

    @Test
    void refusesWhatIsNotHostColonPort() {
        assertThatThrownBy(() -> LovenseConnectHost.parse("20010")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> LovenseConnectHost.parse("host:")).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> LovenseConnectHost.parse("host:x")).hasMessageContaining("numeric port");
        assertThatThrownBy(() -> LovenseConnectHost.parse("host:70000")).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> LovenseConnectHost.parse("ho/st:1")).hasMessageContaining("not a host");
    }

    @Test
    void hostsNamedByAUserConfiguration() {
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"lovense-connect-service": {"communication": [
                  {"lovense_connect_service": {"exists": true, "host": "192.168.1.20:20010"}}]}}}}
                """);
        assertThat(LovenseConnectHost.configured(config)).containsExactly(new LovenseConnectHost("192.168.1.20", 20010));
        assertThat(LovenseConnectHost.configured(DeviceConfiguration.bundled())).isEmpty();

        DeviceConfiguration bad = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"lovense-connect-service": {"communication": [
                  {"lovense_connect_service": {"host": "no-port"}}]}}}}
                """);
        assertThatThrownBy(() -> LovenseConnectHost.configured(bad))
                .hasMessageContaining("user device configuration").hasMessageContaining("no-port").hasMessageContaining("HOST:PORT");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= LovenseConnectHost.MAX_CONFIGURED; i++) {
            many.append(i == 0 ? "" : ",").append("{\"lovense_connect_service\": {\"host\": \"10.0.0.").append(i + 1).append(":20010\"}}");
        }
        DeviceConfiguration tooMany = DeviceConfiguration.bundled().withUserConfig(
                "{\"user_configs\": {\"protocols\": {\"lovense-connect-service\": {\"communication\": [" + many + "]}}}}");
        assertThat(tooMany.lovenseConnectHosts()).hasSize(LovenseConnectHost.MAX_CONFIGURED + 1);
        assertThatThrownBy(() -> LovenseConnectHost.configured(tooMany)).hasMessageContaining("more than 16");
    }
}
