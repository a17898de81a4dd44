package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.testsupport.CrashableWebSocketConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 13: a 30-second churn soak (scaled from the attack run's 30-minute soak): in each of 10
 * rooms an agent and a controller connect, command, and drop, half of the time by an abrupt socket
 * cut. At the end: no device in any room, threads and open connections back to baseline, heap near
 * baseline after GC.
 */
class ChurnSoakTest {

    private static final int PAIRS = 10;
    private static final Duration SOAK = Duration.ofSeconds(30);

    @Test
    void thirtySecondsOfChurnLeakNothing() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub(PAIRS)) {
            // warm up the paths once, then take the baselines
            cycle(hub, 0, new AtomicInteger());
            Thread.sleep(500);
            int connections = hub.openConnections();
            long heap = ServerProbe.heapAfterGc();
            int threads = ServerProbe.lastingThreads();
            AtomicInteger cycles = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Bounded> loops = new ArrayList<>();
            for (int p = 0; p < PAIRS; p++) {
                int room = p;
                loops.add(Bounded.start("soak-" + p, 1_000, SOAK, i -> {
                    try {
                        cycle(hub, room, cycles);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                        failures.incrementAndGet();
                        Bounded.sleep(100);
                    }
                    return true;
                }));
            }
            for (Bounded loop : loops) {
                loop.join(SOAK.plusSeconds(30));
            }
            assertThat(cycles.get()).as("churn cycles").isGreaterThan(PAIRS);
            for (Room r : hub.rooms) {
                assertThat(ServerProbe.await(() -> r.devices().devices().isEmpty(), Duration.ofSeconds(5)))
                        .as("devices left in %s: %s", r.name(), r.devices()).isTrue();
            }
            assertThat(ServerProbe.awaitAtMost(hub::openConnections, connections, Duration.ofSeconds(10)))
                    .as("open connections (baseline %d)", connections).isLessThanOrEqualTo(connections);
            assertThat(ServerProbe.awaitAtMost(() -> {
                System.gc();
                return ServerProbe.lastingThreads();
            }, threads + 8, Duration.ofSeconds(20))).as("threads (baseline %d)", threads).isLessThanOrEqualTo(threads + 8);
            assertThat(ServerProbe.heapAfterGc() - heap).as("heap growth after GC").isLessThan(64L << 20);
            if (failure.get() != null) {
                // the churn itself may fail a step (a command to a toy whose agent just dropped): report, not fail
                System.out.println("soak: " + failures.get() + " churn steps failed (tolerated), first: " + failure.get());
            }
        }
    }

    /** One agent link and one controller: command, then drop both (each cleanly or by a cut). */
    private static void cycle(Rigs.Hub hub, int room, AtomicInteger cycles) throws Exception {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        SimulatedDevices toys = Rigs.sims("lovense");
        AtomicReference<CrashableWebSocketConnector> agentLink = new AtomicReference<>();
        RemoteClient agent = RemoteClient.builder(hub.hub.shareUri(), Rigs.Hub.shareToken(room), "Agent" + room, toys)
                .dialer(uri -> {
                    CrashableWebSocketConnector c = new CrashableWebSocketConnector(uri);
                    agentLink.set(c);
                    return c;
                }).backoff(Duration.ofMillis(200), Duration.ofMillis(400)).build();
        CrashableWebSocketConnector controllerLink = new CrashableWebSocketConnector(hub.hub.controlUri(hub.rooms.get(room)));
        ButtplugClient controller = ButtplugClient.builder("soak controller").requestTimeout(Duration.ofSeconds(3)).build();
        try {
            agent.grants().shareAll(DeviceGrant.full()).get(5, TimeUnit.SECONDS);
            agent.start().get(5, TimeUnit.SECONDS);
            ServerProbe.await(() -> !hub.rooms.get(room).hasController(), Duration.ofSeconds(5));
            controller.connect(controllerLink).get(5, TimeUnit.SECONDS);
            ServerProbe.await(() -> !controller.devices().isEmpty(), Duration.ofSeconds(3));
            for (ButtplugClientDevice d : controller.devices()) {
                d.vibrate(rnd.nextDouble(0.1, 1.0)).get(3, TimeUnit.SECONDS);
            }
            Thread.sleep(rnd.nextInt(50, 300));
            if (rnd.nextBoolean()) {
                controllerLink.crash();
            } else {
                controller.disconnect().get(3, TimeUnit.SECONDS);
            }
            if (rnd.nextBoolean() && agentLink.get() != null) {
                agentLink.get().crash();
            }
            cycles.incrementAndGet();
        } finally {
            controllerLink.crash();
            agent.close();
        }
    }
}
