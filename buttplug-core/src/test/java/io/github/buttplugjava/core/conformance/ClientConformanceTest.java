package io.github.buttplugjava.core.conformance;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.sim.RecordedCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our ButtplugClient against our ButtplugServer over the in-process connector (so through the
 * codecs), at spec v4 and v3: the sequences users need.
 */
class ClientConformanceTest {

    private static final Duration WAIT = RawClient.WAIT;

    private final Rig rig = new Rig("lovense", "wevibe", "rotator", "stroker", "max", "oscillator");

    @AfterEach
    void close() {
        rig.close();
    }

    private ButtplugClient scanned(SpecVersion version, ClientEvents events) throws Exception {
        ButtplugClient client = ButtplugClient.builder("conformance " + version)
                .specVersion(version).requestTimeout(WAIT).build();
        client.addListener(events);
        client.connect(rig.attach()).get(5, TimeUnit.SECONDS);
        assertThat(client.serverInfo().orElseThrow().serverName()).isEqualTo("Conformance Server");
        client.startScanning().get(5, TimeUnit.SECONDS);
        events.await("finished");
        assertThat(client.devices()).hasSize(6);
        return client;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"V4", "V3"})
    void handshakeScanAndEnumerate(SpecVersion version) throws Exception {
        ClientEvents events = new ClientEvents();
        ButtplugClient client = scanned(version, events);
        assertThat(client.devices()).extracting(ButtplugClientDevice::name).containsExactly(
                "Lovense Hush", "We-Vibe Sync", "Vorze A10 Cyclone SA", "Kiiroo Keon", "Lovense Max 2", "Simulated Oscillator");
        assertThat(client.serverInfo().orElseThrow().protocolVersionMajor()).isEqualTo(version.major());
        // a second client gets the list at connect, without scanning
        ButtplugClient second = rig.client(version);
        assertThat(second.devices()).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"V4", "V3"})
    void everyCommandTypeReachesTheToys(SpecVersion version) throws Exception {
        ButtplugClient client = scanned(version, new ClientEvents());
        await(client.device(0).orElseThrow().vibrate(0.5));
        rig.toy("lovense").awaitOutput(0, c -> c.type() == OutputType.VIBRATE && c.value() == 10, WAIT);
        await(client.device(1).orElseThrow().vibrate(0.25));
        rig.toy("wevibe").awaitOutput(0, c -> c.value() == 5, WAIT);
        rig.toy("wevibe").awaitOutput(1, c -> c.value() == 5, WAIT);
        await(client.device(2).orElseThrow().rotate(0.5, false));
        rig.toy("rotator").awaitOutput(0, c -> c.type() == OutputType.ROTATE && c.value() == -10, WAIT);
        await(client.device(2).orElseThrow().rotate(1.0, true));
        rig.toy("rotator").awaitOutput(0, c -> c.value() == 20, WAIT);
        await(client.device(3).orElseThrow().position(0.5, 400));
        rig.toy("stroker").awaitOutput(0, c -> c.type() == OutputType.HW_POSITION_WITH_DURATION
                && c.value() == 50 && c.durationMs() == 400, WAIT);
        await(client.device(4).orElseThrow().constrict(1.0));
        rig.toy("max").awaitOutput(1, c -> c.type() == OutputType.CONSTRICT && c.value() == 3, WAIT);
        await(client.device(5).orElseThrow().oscillate(0.5));
        rig.toy("oscillator").awaitOutput(0, c -> c.type() == OutputType.OSCILLATE && c.value() == 10, WAIT);
        assertThat(await(client.device(0).orElseThrow().battery())).isEqualTo(90);
        assertThat(await(client.device(1).orElseThrow().battery())).isEqualTo(75);
        await(client.device(1).orElseThrow().stop());
        rig.toy("wevibe").awaitStop(WAIT);
        await(client.stopAll());
        rig.toy("oscillator").awaitStop(WAIT);
        assertThat(rig.toy("lovense").outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"V4"})
    void v4InputsAndRawOutputs(SpecVersion version) throws Exception {
        ClientEvents events = new ClientEvents();
        ButtplugClient client = scanned(version, events);
        ButtplugClientDevice lovense = client.device(0).orElseThrow();
        assertThat(await(lovense.rssi())).isEqualTo(-55);
        java.util.concurrent.BlockingQueue<Integer> readings = new java.util.concurrent.LinkedBlockingQueue<>();
        await(lovense.subscribe(io.github.buttplugjava.core.message.InputType.BATTERY, readings::add));
        rig.toy("lovense").setBatteryLevel(41);
        events.await("reading 0 Battery 41");
        assertThat(readings).contains(41);
        await(lovense.unsubscribe(io.github.buttplugjava.core.message.InputType.BATTERY));
        rig.toy("lovense").await(c -> c.kind() == RecordedCommand.Kind.UNSUBSCRIBE, WAIT);
        await(lovense.output(0, OutputCommand.of(OutputType.VIBRATE, 7)));
        rig.toy("lovense").awaitOutput(0, c -> c.value() == 7, WAIT);
        assertThatThrownBy(() -> await(lovense.output(0, OutputCommand.of(OutputType.VIBRATE, 99))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThatThrownBy(() -> await(client.device(1).orElseThrow().subscribe(
                io.github.buttplugjava.core.message.InputType.BATTERY, v -> { })))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"V4", "V3"})
    void errorsAreTypedAndTheSessionRecovers(SpecVersion version) throws Exception {
        ButtplugClient client = scanned(version, new ClientEvents());
        assertThatThrownBy(() -> await(client.request(StopCmd.device(1, 42))))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThatThrownBy(() -> await(client.device(0).orElseThrow().vibrate(1.5)))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        assertThatThrownBy(() -> await(client.device(0).orElseThrow().rotate(0.5, true)))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        await(client.device(0).orElseThrow().vibrate(1.0));
        rig.toy("lovense").awaitOutput(0, c -> c.value() == 20, WAIT);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"V4", "V3"})
    void deviceRemovalReachesTheClient(SpecVersion version) throws Exception {
        ClientEvents events = new ClientEvents();
        ButtplugClient client = scanned(version, events);
        ButtplugClientDevice wevibe = client.device(1).orElseThrow();
        rig.sim.unplug(rig.toy("wevibe"));
        assertThat(events.await("removed")).isEqualTo("removed 1");
        assertThat(client.device(1)).isEmpty();
        assertThat(wevibe.isConnected()).isFalse();
        assertThatThrownBy(() -> await(wevibe.vibrate(0.5))).hasCauseInstanceOf(ConnectorException.class);
        rig.sim.plugIn(rig.toy("wevibe"));
        assertThat(events.await("added")).isEqualTo("added 1 We-Vibe Sync");
        await(client.device(1).orElseThrow().vibrate(0.5));
        rig.toy("wevibe").awaitOutput(1, c -> c.value() == 10, WAIT);
    }

    @ParameterizedTest
    @EnumSource(value = SpecVersion.class, names = {"V4", "V3"})
    void disconnectAndReconnect(SpecVersion version) throws Exception {
        ClientEvents events = new ClientEvents();
        ButtplugClient client = scanned(version, events);
        await(client.device(0).orElseThrow().vibrate(0.5));
        await(client.disconnect());
        assertThat(events.await("disconnected")).isEqualTo("disconnected ");
        assertThat(client.isConnected()).isFalse();
        rig.toy("lovense").awaitStop(WAIT);
        assertThatThrownBy(() -> await(client.startScanning())).hasCauseInstanceOf(ConnectorException.class);
        client.connect(rig.attach()).get(5, TimeUnit.SECONDS);
        assertThat(client.devices()).hasSize(6);
        await(client.device(0).orElseThrow().vibrate(0.1));
        rig.toy("lovense").awaitOutput(0, c -> c.value() == 2, WAIT);
    }
}
