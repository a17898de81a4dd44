package io.github.buttplugjava.device.serial;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Serial devices over real pseudo-terminals (socat), with a scripted device at the far end that
 * records the exact bytes it receives.
 */
class SerialDeviceSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private PtyPair pty;
    private ScriptedSerialDevice script;
    private SerialDeviceSource source;
    private EventRecorder events;

    @BeforeEach
    void pseudoTerminals() throws Exception {
        pty = PtyPair.start();
        script = ScriptedSerialDevice.open(pty.scriptPort());
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (source != null) {
            source.closeAsync().get(10, TimeUnit.SECONDS);
        }
        if (script != null) {
            script.close();
        }
        if (pty != null) {
            pty.close();
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private Device open(String protocol, DeviceConfiguration configuration) throws Exception {
        source = new SerialDeviceSource(List.of(new SerialPortSpec(pty.devicePort(), protocol)), configuration);
        events = new EventRecorder();
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);
        return events.awaitAdded(WAIT);
    }

    /** An OSR2-like TCode device: two linear axes with durations and a vibrator, for the port under test. */
    private DeviceConfiguration osr() throws Exception {
        return DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"tcode-v03": {"configurations": [{
                  "identifier": ["%s"], "name": "OSR2 (test)",
                  "features": [
                    {"id": "a0", "index": 0, "output": {
                       "hw_position_with_duration": {"value": [0, 999], "duration": [0, 5000]},
                       "position": {"value": [0, 999]}}},
                    {"id": "a1", "index": 1, "output": {
                       "hw_position_with_duration": {"value": [0, 999], "duration": [0, 5000]}}},
                    {"id": "v2", "index": 2, "output": {"vibrate": {"value": [0, 99]}}}
                  ]}]}}}}
                """.formatted(pty.devicePort()));
    }

    @Test
    void bundledTcodeDeviceIsOneLinearAxis() throws Exception {
        Device osr = open("tcode-v03", DeviceConfiguration.bundled());

        assertThat(osr.name()).isEqualTo("TCode v0.3 (Single Linear Axis)");
        assertThat(osr.identifier()).isEqualTo(pty.devicePort());
        osr.output(0, OutputCommand.positionWithDuration(500, 300)).get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("\n", WAIT)).isEqualTo("L0500I300\n");
    }

    @Test
    void tcodeLinesForLinearAxesWithDurationsPositionAndVibrate() throws Exception {
        Device osr = open("tcode-v03", osr());
        assertThat(osr.name()).isEqualTo("OSR2 (test)");

        osr.output(0, OutputCommand.positionWithDuration(500, 300)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("L0500I300\n", WAIT);
        osr.output(1, OutputCommand.positionWithDuration(250, 1000)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("L1250I1000\n", WAIT);
        osr.output(0, OutputCommand.of(OutputType.POSITION, 75)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("L0075\nR0075\n", WAIT);
        osr.output(2, OutputCommand.of(OutputType.VIBRATE, 50)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("V250\n", WAIT);
        osr.output(2, OutputCommand.of(OutputType.VIBRATE, 0)).get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("V200\n", WAIT))
                .isEqualTo("L0500I300\nL1250I1000\nL0075\nR0075\nV250\nV200\n");
    }

    @Test
    void tcodeRangesAndIntervalsComeFromTheConfiguration() throws Exception {
        Device osr = open("tcode-v03", osr());

        assertThatThrownBy(() -> osr.output(0, OutputCommand.positionWithDuration(1000, 100)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> osr.output(1, OutputCommand.positionWithDuration(10, 5001)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("duration 5001");
        assertThatThrownBy(() -> osr.output(1, OutputCommand.of(OutputType.ROTATE, 1)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class).hasMessageContaining("no Rotate output");
        osr.output(1, OutputCommand.positionWithDuration(999, 5000)).get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("\n", WAIT)).isEqualTo("L1999I5000\n");
    }

    @Test
    void nobraInitialisesVibratesAndStops() throws Exception {
        Device nobra = open("nobra", DeviceConfiguration.bundled());
        script.awaitCount(1, WAIT);

        nobra.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(5, TimeUnit.SECONDS);
        script.awaitCount(2, WAIT);
        nobra.output(0, OutputCommand.of(OutputType.VIBRATE, 15)).get(5, TimeUnit.SECONDS);
        script.awaitCount(3, WAIT);
        nobra.stop().get(5, TimeUnit.SECONDS);

        assertThat(script.awaitCount(4, WAIT)).containsExactly(0x70, 0x65, 0x6f, 0x70);
    }

    @Test
    void kizunaRotationIsADigitAndCrLf() throws Exception {
        Device kizuna = open("kizuna", DeviceConfiguration.bundled());

        kizuna.output(0, OutputCommand.of(OutputType.ROTATE, 3)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("3\r\n", WAIT);
        kizuna.output(0, OutputCommand.of(OutputType.ROTATE, 9)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("9\r\n", WAIT);
        kizuna.stop().get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("0\r\n", WAIT)).isEqualTo("3\r\n9\r\n0\r\n");
    }

    @Test
    void nextLevelRacingWritesOneLinePerMotorOfABatch() throws Exception {
        Device pad = open("nextlevelracing", DeviceConfiguration.bundled());
        assertThat(pad.features()).hasSize(8);

        pad.output(2, OutputCommand.of(OutputType.VIBRATE, 128)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("M2128\r", WAIT);
        pad.outputs(List.of(new FeatureOutput(0, OutputCommand.of(OutputType.VIBRATE, 10)),
                new FeatureOutput(7, OutputCommand.of(OutputType.VIBRATE, 255)))).get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("M7255\r", WAIT)).isEqualTo("M2128\rM010\rM7255\r");
    }

    @Test
    void closingTheSourceStopsTheDeviceBeforeItClosesThePort() throws Exception {
        Device nobra = open("nobra", DeviceConfiguration.bundled());
        nobra.output(0, OutputCommand.of(OutputType.VIBRATE, 9)).get(5, TimeUnit.SECONDS);
        script.awaitCount(2, WAIT);

        source.closeAsync().get(10, TimeUnit.SECONDS);

        assertThat(script.awaitCount(3, WAIT)).containsExactly(0x70, 0x69, 0x70);
        assertThat(events.awaitRemoved(WAIT)).isSameAs(nobra);
    }

    @Test
    void aPortClosedMidCommandRemovesTheDeviceAndFailsItsCommands() throws Exception {
        Device osr = open("tcode-v03", osr());
        osr.output(2, OutputCommand.of(OutputType.VIBRATE, 40)).get(5, TimeUnit.SECONDS);
        script.awaitTextEnding("V240\n", WAIT);

        // commands keep coming while the terminal goes away: each one completes or fails, none hangs
        List<CompletableFuture<Void>> during = new ArrayList<>();
        during.add(osr.output(0, OutputCommand.positionWithDuration(100, 200)));
        pty.cut();
        for (int i = 1; i <= 20; i++) {
            during.add(osr.output(0, OutputCommand.positionWithDuration(100 + i, 200)));
        }

        assertThat(events.awaitRemoved(WAIT)).isSameAs(osr);
        for (CompletableFuture<Void> f : during) {
            f.handle((v, e) -> null).get(5, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> osr.output(2, OutputCommand.of(OutputType.VIBRATE, 10)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("disconnected");
    }

    @Test
    void aUserConfigurationCanNameThePortAndItsLineSettings() throws Exception {
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"kizuna": {"communication": [{"serial": {
                  "port": "%s", "baud_rate": 9600, "data_bits": 8, "parity": "N", "stop_bits": 1}}]}}}}
                """.formatted(pty.devicePort()));
        List<SerialPortSpec> ports = SerialDeviceSource.configuredPorts(config);
        assertThat(ports).containsExactly(new SerialPortSpec(pty.devicePort(), "kizuna"));
        assertThat(SerialDeviceSource.configuredPorts(DeviceConfiguration.bundled())).isEmpty();

        source = new SerialDeviceSource(ports, config);
        events = new EventRecorder();
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);
        events.awaitAdded(WAIT).output(0, OutputCommand.of(OutputType.ROTATE, 4)).get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("\r\n", WAIT)).isEqualTo("4\r\n");
    }

    @Test
    void oneUserConfigurationNamesAnOsrPortWithItsAxesAndTheSourceOpensIt() throws Exception {
        // Intiface's shape: the port under the protocol's communication, the device's axes under a
        // configuration whose identifier is the port.
        DeviceConfiguration config = DeviceConfiguration.bundled().withUserConfig("""
                {"user_configs": {"protocols": {"tcode-v03": {
                  "communication": [{"serial": {"port": "%1$s", "baud_rate": 115200, "data_bits": 8, "parity": "N", "stop_bits": 1}}],
                  "configurations": [{"identifier": ["%1$s"], "name": "SR6 (test)", "features": [
                    {"id": "a0", "index": 0, "output": {"hw_position_with_duration": {"value": [0, 999], "duration": [0, 5000]}}},
                    {"id": "a1", "index": 1, "output": {"hw_position_with_duration": {"value": [0, 999], "duration": [0, 5000]}}}
                  ]}]}}}}
                """.formatted(pty.devicePort()));
        List<SerialPortSpec> ports = SerialDeviceSource.withConfiguredPorts(List.of(), config);
        assertThat(ports).containsExactly(new SerialPortSpec(pty.devicePort(), "tcode-v03"));
        // a port given explicitly wins over the configured one
        assertThat(SerialDeviceSource.withConfiguredPorts(List.of(new SerialPortSpec(pty.devicePort(), "nobra")), config))
                .containsExactly(new SerialPortSpec(pty.devicePort(), "nobra"));

        source = new SerialDeviceSource(ports, config);
        events = new EventRecorder();
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);
        Device sr6 = events.awaitAdded(WAIT);
        assertThat(sr6.name()).isEqualTo("SR6 (test)");
        sr6.output(1, OutputCommand.positionWithDuration(400, 250)).get(5, TimeUnit.SECONDS);

        assertThat(script.awaitTextEnding("\n", WAIT)).isEqualTo("L1400I250\n");
    }

    @Test
    void aPortThatCannotBeOpenedIsSkippedAndScanningFinishes() throws Exception {
        source = new SerialDeviceSource(List.of(new SerialPortSpec("/dev/buttplug-no-such-port", "nobra")),
                DeviceConfiguration.bundled());
        events = new EventRecorder();
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);

        events.awaitScanFinished(0, WAIT);
        assertThat(events.added).isEmpty();
    }

    @Test
    void aProtocolWithoutSerialEntryIsRefusedUpFront() throws Exception {
        String port = pty.devicePort();
        assertThatThrownBy(() -> new SerialDeviceSource(List.of(new SerialPortSpec(port, "lovense")),
                DeviceConfiguration.bundled()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a serial protocol");
        assertThatThrownBy(() -> new SerialDeviceSource(List.of(new SerialPortSpec(port, "no-such-protocol")),
                DeviceConfiguration.bundled()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown protocol");
        assertThatThrownBy(() -> new SerialDeviceSource(List.of(new SerialPortSpec(port, "nobra"),
                new SerialPortSpec(port, "nextlevelracing")), DeviceConfiguration.bundled()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listed twice");
    }
}
