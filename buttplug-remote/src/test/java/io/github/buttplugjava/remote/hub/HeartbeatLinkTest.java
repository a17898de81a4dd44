package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.link.Heartbeat;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.remote.testing.QuietableExecutor;
import io.github.buttplugjava.testsupport.RecordingConnector;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real hub and a real agent with the default MaxPingTime over 127.0.0.1, both on one virtual
 * clock: the hub's heartbeat alone keeps the agent's toy running (the hub sends it no Buttplug ping
 * in that time), and when the hub's processing is stuck while its sockets stay open, the toy stops
 * within the agent's MaxPingTime of the last beat.
 */
class HeartbeatLinkTest {

    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));
    private static final Duration MAX_PING = RemoteClient.DEFAULT_MAX_PING_TIME;

    @Test
    void theHubsBeatsAloneKeepTheToyRunningAndAStuckHubStopsItWithinMaxPingTime() throws Exception {
        VirtualTime time = new VirtualTime();
        QuietableExecutor hubExecutor = new QuietableExecutor();
        try (HubFixture f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ofMinutes(1))
                .scheduling(time.scheduling(hubExecutor)))) {
            SimulatedDevices alice = HubFixture.sims(time.scheduling(), "lovense");
            List<RecordingConnector> sockets = new CopyOnWriteArrayList<>();
            RemoteClient agent = RemoteClient.builder(f.hub.shareUri(), HubFixture.SHARE, "Alice", alice)
                    .scheduling(time.scheduling()).backoff(Duration.ofSeconds(30), Duration.ofSeconds(30))
                    .dialer(uri -> {
                        RecordingConnector r = new RecordingConnector(WebSocketConnector.to(uri));
                        sockets.add(r);
                        return r;
                    }).build();
            try (agent) {
                agent.grants().shareAll(HALF).get(2, TimeUnit.SECONDS);
                agent.start().get(5, TimeUnit.SECONDS);
                f.awaitRoomDevices(1);
                HubFixture.Controller c = f.controller();
                c.device("Alice - Lovense Hush").vibrate(1.0).get(2, TimeUnit.SECONDS);
                SimulatedDevice toy = alice.devices().get(0);
                toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));
                RecordingConnector socket = sockets.get(0);
                // the hub adds the link to its beats just after the agent's first device list: wait for it
                long registered = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (f.hub.heartbeatLinks() == 0) {
                    assertThat(System.nanoTime() - registered).as("the agent gets the hub's beats").isNegative();
                    LockSupport.parkNanos(1_000_000); // bounded poll-until loop
                }

                // three MaxPingTimes on the beats alone
                long periods = 3 * MAX_PING.toMillis() / Heartbeat.PERIOD.toMillis();
                Instant lastBeat = time.now();
                for (int i = 0; i < periods; i++) {
                    long before = beats(socket);
                    time.advance(Heartbeat.PERIOD);
                    awaitBeatAfter(socket, before);
                    // the beat's task finished too: else the next tick would find it running and skip
                    hubExecutor.awaitQuiet(Duration.ofSeconds(5));
                    lastBeat = time.now();
                }
                assertThat(socket.received()).as("no Buttplug ping from the hub in that time")
                        .noneMatch(frame -> frame.contains("\"Ping\""));
                assertThat(toy.commands()).noneMatch(r -> r.kind() == RecordedCommand.Kind.STOP);
                assertThat(agent.isLinked()).isTrue();

                // the hub's processing is stuck (its event loops and sockets are not)
                hubExecutor.stuck = true;
                RecordedCommand stop = null;
                for (int step = 0; step < 40 && stop == null; step++) {
                    time.advanceMillis(100);
                    stop = stopWithin(toy, Duration.ofMillis(50));
                }
                assertThat(stop).as("the toy stopped").isNotNull();
                assertThat(Duration.between(lastBeat, stop.at())).isLessThanOrEqualTo(MAX_PING.plusMillis(100));
                assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
            }
        }
    }

    private static long beats(RecordingConnector socket) {
        return socket.received().stream().filter(Heartbeat::isHeartbeat).count();
    }

    /** Waits (bounded, on the wall clock) for the beat the advance just sent: a failure detector. */
    private static void awaitBeatAfter(RecordingConnector socket, long before) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (beats(socket) <= before) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no heartbeat reached the agent");
            }
            LockSupport.parkNanos(1_000_000); // bounded poll-until loop
        }
    }

    private static RecordedCommand stopWithin(SimulatedDevice toy, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        do {
            Optional<RecordedCommand> stop = toy.commands().stream()
                    .filter(r -> r.kind() == RecordedCommand.Kind.STOP).findFirst();
            if (stop.isPresent()) {
                return stop.get();
            }
            LockSupport.parkNanos(1_000_000); // bounded poll-until loop
        } while (System.nanoTime() - deadline < 0);
        return null;
    }
}
