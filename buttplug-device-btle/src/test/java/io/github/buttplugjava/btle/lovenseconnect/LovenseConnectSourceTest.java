package io.github.buttplugjava.btle.lovenseconnect;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.btle.lovenseconnect.FakeLovenseApp.toy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lovense Connect against a local HTTP service on 127.0.0.1 that implements the app's API and
 * records the commands it receives. The polling interval is an hour, so the test drives every
 * poll itself with {@link LovenseConnectSource#refresh()}.
 */
class LovenseConnectSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeLovenseApp app;
    private LovenseConnectSource source;
    private EventRecorder events;

    @BeforeEach
    void startApp() throws Exception {
        app = FakeLovenseApp.start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (source != null) {
            source.closeAsync().get(10, TimeUnit.SECONDS);
        }
        app.close();
    }

    private void startSource() {
        source = new LovenseConnectSource(app.host(), DeviceConfiguration.bundled(), Protocols.builtIn(),
                ForkJoinPool.commonPool(), SharedExecutors.timers(), System::nanoTime, Duration.ofHours(1),
                Duration.ofSeconds(3));
        events = new EventRecorder();
        source.start(events);
    }

    private Device scanFor(String data) throws Exception {
        app.toys(data);
        startSource();
        source.startScanning().get(5, TimeUnit.SECONDS);
        events.awaitScanFinished(0, WAIT);
        return events.awaitAdded(WAIT);
    }

    private static String body(String action, String toy) {
        return "{\"command\":\"Function\",\"action\":\"" + action + "\",\"timeSec\":0,\"toy\":\"" + toy + "\",\"apiVer\":1}";
    }

    @Test
    void discoversConnectedToysWithTheirConfiguredOutputs() throws Exception {
        Device nora = scanFor("{" + toy("c1", "nora", "\"1\"", 80) + "," + toy("c2", "lush", 0, 90) + "}");
        assertThat(nora.name()).isEqualTo("Lovense Nora");
        assertThat(nora.features()).hasSize(3);
        assertThat(events.added).isEmpty(); // the lush is not connected
    }

    @Test
    void vibrateAndRotateSendTheAppsFunctionCommands() throws Exception {
        Device nora = scanFor("{" + toy("c1", "nora", true, 80) + "}");
        nora.output(0, OutputCommand.of(OutputType.VIBRATE, 10)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Vibrate1:10", "c1"));
        nora.output(1, OutputCommand.of(OutputType.ROTATE, 5)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Rotate:5", "c1"));
        nora.output(1, OutputCommand.of(OutputType.ROTATE, -20)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Rotate:20", "c1"));
        assertThatThrownBy(() -> nora.output(0, OutputCommand.of(OutputType.VIBRATE, 21)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    @Test
    void aSecondMotorAndTheAirPumpHaveTheirOwnActions() throws Exception {
        Device edge = scanFor("{" + toy("e1", "edge", 1, 50) + "}");
        edge.output(1, OutputCommand.of(OutputType.VIBRATE, 7)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Vibrate2:7", "e1"));

        app.toys("{" + toy("e1", "edge", 1, 50) + "," + toy("m1", "max", 1, 60) + "}");
        source.refresh().get(5, TimeUnit.SECONDS);
        Device max = events.awaitAdded(WAIT);
        assertThat(max.name()).isEqualTo("Lovense Max");
        max.output(1, OutputCommand.of(OutputType.CONSTRICT, 2)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Pump:2", "m1"));
    }

    @Test
    void oscillationIsThrusting() throws Exception {
        Device gravity = scanFor("{" + toy("g1", "gravity", 1, 50) + "}");
        assertThat(gravity.name()).isEqualTo("Lovense Gravity");
        gravity.output(1, OutputCommand.of(OutputType.OSCILLATE, 9)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Thrusting:9", "g1"));
        gravity.output(0, OutputCommand.of(OutputType.VIBRATE, 3)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Vibrate1:3", "g1"));
    }

    @Test
    void theSolaceIsSetToDepthThreeWhenItStartsAsTheReferenceDoes() throws Exception {
        Device solace = scanFor("{" + toy("s1", "solace", 1, 70) + "}");
        assertThat(solace.name()).isEqualTo("Lovense Solace");
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Depth:3", "s1"));
        solace.output(0, OutputCommand.of(OutputType.OSCILLATE, 12)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).isEqualTo(body("Thrusting:12", "s1"));
    }

    @Test
    void otherToysGetNoDepthAtStart() throws Exception {
        Device gravity = scanFor("{" + toy("g1", "gravity", 1, 50) + "}");
        gravity.output(0, OutputCommand.of(OutputType.VIBRATE, 4)).get(5, TimeUnit.SECONDS);
        assertThat(app.nextCommand(WAIT)).as("the first command the app gets").isEqualTo(body("Vibrate1:4", "g1"));
    }

    @Test
    void batteryIsTheLevelTheAppLastReported() throws Exception {
        Device nora = scanFor("{" + toy("c1", "nora", 1, "\"80\"") + "}");
        assertThat(nora.read(2, InputType.BATTERY).get(5, TimeUnit.SECONDS)).isEqualTo(80);
        app.toys("{" + toy("c1", "nora", 1, 55) + "}");
        source.refresh().get(5, TimeUnit.SECONDS);
        assertThat(nora.read(2, InputType.BATTERY).get(5, TimeUnit.SECONDS)).isEqualTo(55);
        app.toys("{" + toy("c1", "nora", 1, "null") + "}");
        source.refresh().get(5, TimeUnit.SECONDS);
        assertThat(nora.read(2, InputType.BATTERY).get(5, TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void whenTheAppGoesAwayItsToysAreRemovedAndTheirCommandsFail() throws Exception {
        Device nora = scanFor("{" + toy("c1", "nora", 1, 80) + "}");
        app.close();
        source.refresh().get(10, TimeUnit.SECONDS);
        assertThat(events.awaitRemoved(WAIT)).isSameAs(nora);
        assertThatThrownBy(() -> nora.output(0, OutputCommand.of(OutputType.VIBRATE, 3)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    @Test
    void aToyTheAppNoLongerListsAsConnectedIsRemoved() throws Exception {
        Device nora = scanFor("{" + toy("c1", "nora", 1, 80) + "}");
        app.toys("{" + toy("c1", "nora", "false", 80) + "}");
        source.refresh().get(5, TimeUnit.SECONDS);
        assertThat(events.awaitRemoved(WAIT)).isSameAs(nora);
    }

    @Test
    void noNewToysAfterStopScanning() throws Exception {
        app.toys("{}");
        startSource();
        source.startScanning().get(5, TimeUnit.SECONDS);
        events.awaitScanFinished(0, WAIT);
        source.stopScanning().get(5, TimeUnit.SECONDS);
        app.toys("{" + toy("c1", "nora", 1, 80) + "}");
        source.refresh().get(5, TimeUnit.SECONDS);
        assertThat(events.added).isEmpty();
    }

    @Test
    void closingStopsEveryOutputFirst() throws Exception {
        Device nora = scanFor("{" + toy("c1", "nora", 1, 80) + "}");
        nora.output(0, OutputCommand.of(OutputType.VIBRATE, 12)).get(5, TimeUnit.SECONDS);
        nora.output(1, OutputCommand.of(OutputType.ROTATE, 4)).get(5, TimeUnit.SECONDS);
        app.nextCommand(WAIT);
        app.nextCommand(WAIT);
        source.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(java.util.List.of(app.nextCommand(WAIT), app.nextCommand(WAIT)))
                .containsExactlyInAnyOrder(body("Vibrate1:0", "c1"), body("Rotate:0", "c1"));
        assertThat(events.awaitRemoved(WAIT)).isSameAs(nora);
        assertThatThrownBy(() -> nora.output(0, OutputCommand.of(OutputType.VIBRATE, 3)).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }
}
