package io.github.buttplugjava.core.server;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The session logic in v4 terms, without a codec: requests in, replies and events out. */
class SessionCoreTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SimulatedDevices sim = SimulatedDevices.builder()
            .add("lovense").add("wevibe").add("stroker").presentAtStart(true).build();
    private final DeviceManager manager = new DeviceManager(List.of(sim));
    /** Ping and command deadlines run on this; it moves only when a test advances it. */
    private final VirtualTime time = new VirtualTime();

    @AfterEach
    void closeManager() {
        manager.close();
    }

    /** A core with a queue of what it sends. */
    private final class Harness {
        final SerialExecutor serial = new SerialExecutor(SharedExecutors.workers());
        final BlockingQueue<ServerMessage> sent = new LinkedBlockingQueue<>();
        final SessionCore core;

        Harness(long maxPingMs) {
            core = new SessionCore(new ServerSettings("Test Server", maxPingMs), manager, serial,
                    time.scheduler(), sent::addAll);
        }

        void send(ClientMessage message) {
            serial.execute(() -> core.request(message.id(), List.of(message)));
        }

        ServerMessage next() throws InterruptedException {
            ServerMessage m = sent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(m).as("a message within %s", WAIT).isNotNull();
            return m;
        }

        /** The next message matching, skipping events that do not. */
        ServerMessage nextMatching(Predicate<ServerMessage> matches) throws InterruptedException {
            for (int i = 0; i < 50; i++) {
                ServerMessage m = next();
                if (matches.test(m)) {
                    return m;
                }
            }
            throw new AssertionError("no matching message among 50");
        }

        ServerMessage reply(ClientMessage message) throws InterruptedException {
            send(message);
            return nextMatching(m -> m.id() == message.id());
        }

        void handshake(int major) throws InterruptedException {
            assertThat(reply(new RequestServerInfo(1, "test", major, 0))).isInstanceOf(ServerInfo.class);
        }

        void close() {
            serial.execute(core::closed);
        }
    }

    private DeviceList awaitDevices(int count) throws InterruptedException {
        return DeviceWaits.awaitDevices(manager, count, WAIT);
    }

    @Test
    void firstMessageMustBeRequestServerInfo() throws Exception {
        Harness h = new Harness(0);
        ServerMessage reply = h.reply(new Ping(7));
        assertThat(reply).isInstanceOfSatisfying(ErrorMessage.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INIT));
        h.handshake(4);
    }

    @Test
    void replyVersionFollowsTheClientBelowV4() throws Exception {
        for (int major = 0; major <= 4; major++) {
            Harness h = new Harness(0);
            ServerMessage reply = h.reply(new RequestServerInfo(3, "c", major, 0));
            assertThat(reply).isEqualTo(new ServerInfo(3, "Test Server", major, 0, 0));
        }
    }

    @Test
    void newerClientAndSecondHandshakeAreRefused() throws Exception {
        Harness h = new Harness(0);
        assertThat(h.reply(new RequestServerInfo(1, "c", 5, 0)))
                .isInstanceOfSatisfying(ErrorMessage.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INIT));
        h.handshake(4);
        assertThat(h.reply(new RequestServerInfo(2, "c", 4, 0)))
                .isInstanceOfSatisfying(ErrorMessage.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INIT));
    }

    @Test
    void pingIsOkWithMaxPingTimeZero() throws Exception {
        Harness h = new Harness(0);
        h.handshake(4);
        assertThat(h.reply(new Ping(9))).isEqualTo(new Ok(9));
    }

    @Test
    void outputsAreValidatedAndTheSessionStaysUsable() throws Exception {
        awaitDevices(3);
        Harness h = new Harness(0);
        h.handshake(4);
        assertDeviceError(h.reply(new OutputCmd(2, 99, 0, OutputCommand.of(OutputType.VIBRATE, 1))));
        assertDeviceError(h.reply(new OutputCmd(3, 0, 9, OutputCommand.of(OutputType.VIBRATE, 1))));
        assertDeviceError(h.reply(new OutputCmd(4, 0, 0, OutputCommand.of(OutputType.ROTATE, 1))));
        assertDeviceError(h.reply(new OutputCmd(5, 0, 0, OutputCommand.of(OutputType.VIBRATE, 21))));
        assertDeviceError(h.reply(new OutputCmd(6, 2, 0, OutputCommand.positionWithDuration(50, 200_000))));
        assertThat(h.reply(new OutputCmd(7, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10)))).isEqualTo(new Ok(7));
        sim.device("lovense").awaitOutput(0, c -> c.value() == 10, WAIT);
        assertThat(sim.device("lovense").outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
    }

    private static void assertDeviceError(ServerMessage reply) {
        assertThat(reply).isInstanceOfSatisfying(ErrorMessage.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE));
    }

    @Test
    void batteryReadAndSubscription() throws Exception {
        awaitDevices(3);
        Harness h = new Harness(0);
        h.handshake(4);
        assertThat(h.reply(new InputCmd(2, 0, 1, InputType.BATTERY, InputCommandType.READ)))
                .isEqualTo(new InputReading(2, 0, 1, InputType.BATTERY, 90));
        assertThat(h.reply(new InputCmd(3, 0, 1, InputType.BATTERY, InputCommandType.SUBSCRIBE))).isEqualTo(new Ok(3));
        sim.device("lovense").setBatteryLevel(42);
        assertThat(h.nextMatching(m -> m instanceof InputReading r && r.value() == 42))
                .isEqualTo(new InputReading(0, 0, 1, InputType.BATTERY, 42));
        // wevibe's battery is read-only
        assertDeviceError(h.reply(new InputCmd(4, 1, 2, InputType.BATTERY, InputCommandType.SUBSCRIBE)));
        assertThat(h.reply(new InputCmd(5, 0, 1, InputType.BATTERY, InputCommandType.UNSUBSCRIBE))).isEqualTo(new Ok(5));
        sim.device("lovense").await(c -> c.kind() == RecordedCommand.Kind.UNSUBSCRIBE, WAIT);
    }

    @Test
    void stopCmdScopes() throws Exception {
        awaitDevices(3);
        Harness h = new Harness(0);
        h.handshake(4);
        SimulatedDevice wevibe = sim.device("wevibe");
        h.reply(new OutputCmd(2, 1, 0, OutputCommand.of(OutputType.VIBRATE, 5)));
        h.reply(new OutputCmd(3, 1, 1, OutputCommand.of(OutputType.VIBRATE, 6)));
        assertThat(h.reply(new StopCmd(4, OptionalInt.of(1), OptionalInt.of(1), true, true))).isEqualTo(new Ok(4));
        assertThat(wevibe.outputValue(1, OutputType.VIBRATE)).isZero();
        assertThat(wevibe.outputValue(0, OutputType.VIBRATE)).isEqualTo(5);
        assertThat(h.reply(StopCmd.device(5, 1))).isEqualTo(new Ok(5));
        wevibe.awaitStop(WAIT);
        assertDeviceError(h.reply(StopCmd.device(6, 42)));
        assertThat(h.reply(StopCmd.all(7))).isEqualTo(new Ok(7));
        sim.device("stroker").awaitStop(WAIT);
    }

    @Test
    void pingOutStopsDevicesAndRefusesLaterMessages() throws Exception {
        awaitDevices(3);
        Harness h = new Harness(100);
        h.handshake(4);
        h.reply(new OutputCmd(2, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10)));
        time.advanceMillis(99);
        assertThat(h.sent).as("no ping-out before MaxPingTime").noneMatch(m -> m instanceof ErrorMessage);
        time.advanceMillis(1);
        ServerMessage error = h.nextMatching(m -> m instanceof ErrorMessage);
        assertThat(error).isEqualTo(new ErrorMessage(0, ErrorCode.PING, ((ErrorMessage) error).text()));
        sim.device("lovense").awaitStop(WAIT);
        sim.device("wevibe").awaitStop(WAIT);
        assertThat(h.reply(new RequestDeviceList(3)))
                .isInstanceOfSatisfying(ErrorMessage.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PING));
        assertThat(h.reply(new RequestServerInfo(4, "again", 4, 0)))
                .isInstanceOfSatisfying(ErrorMessage.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INIT));
    }

    @Test
    void disconnectStopsOnlyWhatTheSessionDrove() throws Exception {
        awaitDevices(3);
        Harness a = new Harness(0);
        Harness b = new Harness(0);
        a.handshake(4);
        b.handshake(4);
        a.reply(new OutputCmd(2, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10)));
        b.reply(new OutputCmd(2, 1, 0, OutputCommand.of(OutputType.VIBRATE, 7)));
        a.close();
        sim.device("lovense").awaitStop(WAIT);
        // b still works and its device was not stopped
        assertThat(b.reply(new Ping(3))).isEqualTo(new Ok(3));
        assertThat(sim.device("wevibe").commands()).noneMatch(c -> c.kind() == RecordedCommand.Kind.STOP);
        assertThat(sim.device("wevibe").outputValue(0, OutputType.VIBRATE)).isEqualTo(7);
    }

    @Test
    void scanningReportsDevicesAndFinishes() throws Exception {
        SimulatedDevices scanned = SimulatedDevices.of("vibrator", "rotator");
        try (DeviceManager scanning = new DeviceManager(List.of(scanned))) {
            SerialExecutor serial = new SerialExecutor(SharedExecutors.workers());
            BlockingQueue<ServerMessage> sent = new LinkedBlockingQueue<>();
            SessionCore core = new SessionCore(new ServerSettings("s", 0), scanning, serial, SharedExecutors.timers(), sent::addAll);
            serial.execute(() -> core.request(1, List.of(new RequestServerInfo(1, "c", 4, 0))));
            serial.execute(() -> core.request(2, List.of(new StartScanning(2))));
            boolean finished = false;
            DeviceList last = null;
            for (int i = 0; i < 20 && !(finished && last != null && last.devices().size() == 2); i++) {
                ServerMessage m = sent.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(m).isNotNull();
                finished |= m instanceof ScanningFinished;
                if (m instanceof DeviceList list) {
                    assertThat(list.id()).isZero();
                    last = list;
                }
            }
            assertThat(finished).isTrue();
            // device changes are coalesced: one or two lists, the last one holding both devices
            assertThat(last).isNotNull();
            assertThat(last.devices()).hasSize(2);
            assertThat(scanning.deviceList(0).devices()).extracting(d -> d.deviceName())
                    .containsExactly("Simulated Vibrator", "Vorze A10 Cyclone SA");
        }
    }
}
