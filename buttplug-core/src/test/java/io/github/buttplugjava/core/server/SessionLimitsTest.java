package io.github.buttplugjava.core.server;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.testsupport.devices.HangingDevice;
import io.github.buttplugjava.testsupport.devices.ListSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import java.time.Duration;
import java.util.List;
import io.github.buttplugjava.core.device.Device;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session half of docs/LIMITS.md: stop first, per-frame cap, message rate, queue bounds, list coalescing. */
class SessionLimitsTest {

    private static final String HANDSHAKE =
            "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]";

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ManualExecutor executor = new ManualExecutor();
    private SimulatedDevices sim;
    private DeviceManager manager;

    @AfterEach
    void tearDown() throws Exception {
        if (manager != null) {
            manager.close();
        }
        timers.shutdownNow();
    }

    private ButtplugServer server(MessageLimits limits) throws InterruptedException {
        sim = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
        manager = new DeviceManager(List.of(sim), timers);
        DeviceWaits.awaitDevices(manager, 1, Duration.ofSeconds(5));
        return ButtplugServer.builder(manager).executor(executor).timers(timers).limits(limits).build();
    }

    private static String vibrate(long id, int level) {
        return "[{\"OutputCmd\":{\"Id\":" + id + ",\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":"
                + level + "}}}}]";
    }

    private static String pings(long firstId, int count) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append("{\"Ping\":{\"Id\":").append(firstId + i).append("}}");
        }
        return b.append(']').toString();
    }

    @Test
    void theEndOfALinkGoesAheadOfEverythingItQueued() throws Exception {
        ButtplugServer server = server(MessageLimits.DEFAULT);
        ScriptedConnector link = new ScriptedConnector(true);
        server.serve(link);
        link.deliver(HANDSHAKE);
        link.deliver(vibrate(2, 5));
        executor.runAll();
        SimulatedDevice toy = sim.devices().get(0);
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isEqualTo(5);

        // a backlog the busy session has not read yet, then the link drops
        for (int i = 0; i < 100; i++) {
            link.deliver(vibrate(10 + i, 20));
        }
        link.drop();
        toy.clearRecording();
        executor.runAll();

        assertThat(toy.commands()).as("nothing of the backlog reaches the toy; it is stopped")
                .noneMatch(c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.output().value() > 0);
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(server.sessions()).isEmpty();
    }

    @Test
    void aFrameOverThePerFrameCapIsRefusedWholeWithOneError() throws Exception {
        ButtplugServer server = server(MessageLimits.DEFAULT.withMaxMessagesPerFrame(8));
        ScriptedConnector link = new ScriptedConnector(true);
        server.serve(link);
        link.deliver(HANDSHAKE);
        link.deliver(pings(2, 9));
        link.deliver(pings(20, 8));
        executor.runAll();

        assertThat(link.sent).hasSize(10);
        assertThat(link.sent.stream().filter(f -> f.contains("\"Error\""))).singleElement().asString()
                .contains("\"Id\":0").contains("at most 8 per frame").contains("\"ErrorCode\":3");
        assertThat(link.sent.stream().filter(f -> f.contains("\"Ok\""))).hasSize(8);
        assertThat(String.join("", link.sent)).doesNotContain("\"Id\":2}").contains("\"Id\":27}");
        assertThat(link.aborts).isEmpty();
    }

    @Test
    void overTheRateStopsStillPassAndTheExcessIsRefusedNotQueued() throws Exception {
        // a negligible refill rate: the bucket holds 10 and the test never waits for more
        ButtplugServer server = server(MessageLimits.DEFAULT.withRate(0.001, 10));
        ScriptedConnector link = new ScriptedConnector(true);
        server.serve(link);
        link.deliver(HANDSHAKE);
        link.deliver(vibrate(2, 5));
        link.deliver(pings(3, 8));
        link.deliver(vibrate(20, 9));
        link.deliver("[{\"StopCmd\":{\"Id\":21}}]");
        executor.runAll();

        assertThat(link.paused()).as("the rate refuses; it never pauses the socket").isFalse();
        assertThat(link.sent.stream().filter(f -> f.contains("\"Id\":20"))).singleElement().asString()
                .contains("Rate limit");
        assertThat(link.sent.stream().filter(f -> f.contains("\"Id\":21"))).singleElement().asString()
                .contains("\"Ok\"");
        assertThat(sim.devices().get(0).outputValue(0, OutputType.VIBRATE)).as("stopped, never at 9").isZero();
    }

    @Test
    void overTheRateTheExcessGetsErrorsInOrder() throws Exception {
        ButtplugServer server = server(MessageLimits.DEFAULT.withRate(0.001, 10));
        ScriptedConnector link = new ScriptedConnector(false);
        server.serve(link);
        link.deliver(HANDSHAKE);
        for (int i = 0; i < 12; i++) {
            link.deliver(pings(2 + i, 1));
        }
        executor.runAll();

        String all = String.join("\n", link.sent);
        assertThat(all).contains("\"Ok\":{\"Id\":10}");
        assertThat(link.sent.stream().filter(f -> f.contains("Rate limit"))).hasSize(3);
        assertThat(link.sent.stream().filter(f -> f.contains("\"Id\":13"))).singleElement().asString()
                .contains("Rate limit");
    }

    @Test
    void aFullQueuePausesAtHalfAndAbortsAtTheBound() throws Exception {
        ButtplugServer server = server(MessageLimits.DEFAULT.withQueue(8, 1 << 20));
        ScriptedConnector pausable = new ScriptedConnector(true);
        server.serve(pausable);
        for (int i = 0; i < 5; i++) {
            pausable.deliver(pings(1 + i, 1));
        }
        assertThat(pausable.paused()).isTrue();
        executor.runAll();
        assertThat(pausable.paused()).as("resumed once drained").isFalse();

        ScriptedConnector stubborn = new ScriptedConnector(false);
        server.serve(stubborn);
        for (int i = 0; i < 9; i++) {
            stubborn.deliver(pings(1 + i, 1));
        }
        assertThat(stubborn.aborts).singleElement().asString().contains("waiting to be handled");
        executor.runAll();
        assertThat(server.sessions()).as("only the pausable link's session is left").hasSize(1);
    }

    @Test
    void deviceChangesAreCoalescedIntoOneList() throws Exception {
        server(MessageLimits.DEFAULT);
        SimulatedDevice toy = sim.devices().get(0);
        ListSource churn = ListSource.finishingScans();
        DeviceManager churned = new DeviceManager(List.of(churn), timers);
        try {
            ButtplugServer server = ButtplugServer.builder(churned).executor(executor).timers(timers).build();
            ScriptedConnector link = new ScriptedConnector(true);
            server.serve(link);
            link.deliver(HANDSHAKE);
            executor.runAll();
            link.sent.clear();

            for (int i = 0; i < 200; i++) {
                churn.add(toy);
                churn.remove(toy);
            }
            churn.add(toy);
            executor.runAll();

            assertThat(link.sent).as("401 changes, one list").singleElement().asString()
                    .contains("\"DeviceList\"").contains("\"DeviceIndex\":0");
        } finally {
            churned.close();
        }
    }

    @Test
    void aRequestWhoseDeviceNeverAnswersIsAnsweredAtItsDeadline() throws Exception {
        server(MessageLimits.DEFAULT);
        ListSource source = ListSource.finishingScans();
        SimulatedDevice toy = sim.devices().get(0);
        Device silent = new HangingDevice(toy.features());
        VirtualTime time = new VirtualTime();
        DeviceManager silentManager = new DeviceManager(List.of(source), time.scheduling());
        try {
            source.add(silent);
            ButtplugServer server = ButtplugServer.builder(silentManager).scheduling(time.scheduling())
                    .commandTimeout(Duration.ofMillis(100)).build();
            ScriptedConnector link = new ScriptedConnector(true);
            server.serve(link);
            link.deliver(HANDSHAKE);
            link.deliver(vibrate(2, 5));
            time.awaitScheduledWithin(Duration.ofMillis(100), Duration.ofSeconds(5)); // the request's deadline is armed
            time.advanceMillis(99);
            assertThat(link.sent).as("no answer before the deadline").noneMatch(f -> f.contains("\"Id\":2"));
            time.advanceMillis(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (link.sent.stream().noneMatch(f -> f.contains("\"Id\":2")) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(link.sent.stream().filter(f -> f.contains("\"Id\":2"))).singleElement().asString()
                    .contains("\"ErrorCode\":4").contains("did not answer");
        } finally {
            silentManager.close();
        }
    }
}
