package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.btle.lovenseconnect.FakeLovenseApp;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedSerialDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --user-device-config-file FILE} alone: the user configuration names a serial port
 * (an SR6 with two axes, on a pseudo-terminal) and a Lovense app (a local stand-in), as Intiface's
 * user configuration names serial ports; no {@code --serial} or {@code --lovense-connect} option.
 */
class ServeUserConfigTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void theUserConfigurationsSerialPortAndLovenseAppAreServed() throws Exception {
        try (PtyPair pty = PtyPair.start(); ScriptedSerialDevice sr6 = ScriptedSerialDevice.open(pty.scriptPort());
             FakeLovenseApp app = FakeLovenseApp.start()) {
            app.toys("{" + FakeLovenseApp.toy("c1", "nora", 1, 80) + "}");
            Path user = dir.resolve("user-device-config.json");
            Files.writeString(user, """
                    {"version": {"major": 4, "minor": 0}, "user_configs": {"protocols": {
                      "tcode-v03": {
                        "communication": [{"serial": {"port": "%1$s", "baud_rate": 115200, "data_bits": 8, "parity": "N", "stop_bits": 1}}],
                        "configurations": [{"identifier": ["%1$s"], "name": "SR6 (user configuration)", "features": [
                          {"id": "stroke", "index": 0, "output": {"hw_position_with_duration": {"value": [0, 999], "duration": [0, 5000]}}},
                          {"id": "surge", "index": 1, "output": {"hw_position_with_duration": {"value": [0, 999], "duration": [0, 5000]}}}]}]},
                      "lovense-connect-service": {
                        "communication": [{"lovense_connect_service": {"exists": true, "host": "%2$s"}}]}}}}
                    """.formatted(pty.devicePort(), app.host().host() + ":" + app.host().port()));
            try (ServedClient served = ServedClient.serve("user config test client", "serve", "--port", "0",
                    "--user-device-config-file", user.toString())) {
                ButtplugClientDevice first = served.nextDevice("first device", WAIT);
                ButtplugClientDevice second = served.nextDevice("second device", WAIT);
                ButtplugClientDevice osr = first.name().startsWith("SR6") ? first : second;
                ButtplugClientDevice nora = osr == first ? second : first;
                assertThat(osr.name()).isEqualTo("SR6 (user configuration)");
                assertThat(nora.name()).isEqualTo("Lovense Nora");

                osr.output(1, OutputCommand.positionWithDuration(400, 250)).get(10, TimeUnit.SECONDS);
                assertThat(sr6.awaitTextEnding("\n", WAIT)).isEqualTo("L1400I250\n");
                nora.vibrate(0.5).get(10, TimeUnit.SECONDS);
                assertThat(app.nextCommand(WAIT)).isEqualTo(
                        "{\"command\":\"Function\",\"action\":\"Vibrate1:10\",\"timeSec\":0,\"toy\":\"c1\",\"apiVer\":1}");
            }
        }
    }
}
