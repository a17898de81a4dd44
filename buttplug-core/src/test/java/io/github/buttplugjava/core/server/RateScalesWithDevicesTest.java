package io.github.buttplugjava.core.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default rate counts per device present (docs/LIMITS.md §2): a session over three toys gets
 * three budgets, one over a single toy (what a flood of one toy meets) one, and {@code rateDevices}
 * caps the multiplier.
 */
class RateScalesWithDevicesTest {

    private static final String HANDSHAKE =
            "[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"t\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}}]";

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ManualExecutor executor = new ManualExecutor();
    private DeviceManager manager;

    @AfterEach
    void tearDown() {
        if (manager != null) {
            manager.close();
        }
        timers.shutdownNow();
    }

    /**
     * Sends 40 pings one a frame to a server over {@code toys} toys; returns how many were refused.
     * The handshake takes one token.
     */
    private long refusedOf40(int toys, MessageLimits limits) throws InterruptedException {
        SimulatedDevices.Builder b = SimulatedDevices.builder().presentAtStart(true);
        for (int i = 0; i < toys; i++) {
            b.add("lovense");
        }
        manager = new DeviceManager(List.of(b.build()), timers);
        DeviceWaits.awaitDevices(manager, toys, Duration.ofSeconds(5));
        assertThat(manager.deviceCount()).isEqualTo(toys);
        ButtplugServer server = ButtplugServer.builder(manager).executor(executor).timers(timers).limits(limits).build();
        ScriptedConnector link = new ScriptedConnector(false);
        server.serve(link);
        link.deliver(HANDSHAKE);
        for (int i = 0; i < 40; i++) {
            link.deliver("[{\"Ping\":{\"Id\":" + (2 + i) + "}}]");
        }
        executor.runAll();
        long ok = link.sent.stream().filter(f -> f.contains("\"Ok\"")).count();
        long refused = link.sent.stream().filter(f -> f.contains("Rate limit")).count();
        assertThat(ok + refused).as("every ping answered once").isEqualTo(40);
        return refused;
    }

    @Test
    void threeToysGetThreeBudgets() throws Exception {
        // a negligible refill: the bucket holds 10 per device and the test never waits for more
        assertThat(refusedOf40(3, MessageLimits.DEFAULT.withRate(0.001, 10))).isEqualTo(11);
    }

    @Test
    void oneToyGetsOneBudget() throws Exception {
        assertThat(refusedOf40(1, MessageLimits.DEFAULT.withRate(0.001, 10))).isEqualTo(31);
    }

    @Test
    void theMultiplierIsCapped() throws Exception {
        assertThat(refusedOf40(3, MessageLimits.DEFAULT.withRate(0.001, 10).withRateDevices(2))).isEqualTo(21);
    }

    @Test
    void perLinkWhenRateDevicesIsOne() throws Exception {
        assertThat(refusedOf40(3, MessageLimits.DEFAULT.withRate(0.001, 10).withRateDevices(1))).isEqualTo(31);
    }

    @Test
    void theRefusalNamesTheScaledRate() throws Exception {
        manager = null;
        SimulatedDevices sims = SimulatedDevices.builder().presentAtStart(true).add("lovense").add("lovense").build();
        manager = new DeviceManager(List.of(sims), timers);
        DeviceWaits.awaitDevices(manager, 2, Duration.ofSeconds(5));
        ButtplugServer server = ButtplugServer.builder(manager).executor(executor).timers(timers)
                .limits(MessageLimits.DEFAULT.withRate(0.001, 1)).build();
        ScriptedConnector link = new ScriptedConnector(false);
        server.serve(link);
        link.deliver(HANDSHAKE);
        for (int i = 0; i < 4; i++) {
            link.deliver("[{\"Ping\":{\"Id\":" + (2 + i) + "}}]");
        }
        executor.runAll();
        assertThat(link.sent.stream().filter(f -> f.contains("\"Id\":5"))).singleElement().asString()
                .contains("Rate limit: at most 0 messages per second (0 for each of 2 devices)");
    }

    /**
     * Drives a server over {@code toys} toys with the default limits on virtual time: {@code perMs}
     * vibrate commands each millisecond, round-robin over the first {@code targets} toys, for
     * {@code ms} milliseconds; returns how many were refused for the rate.
     */
    private long refusedDriving(int toys, int targets, int perMs, int ms) throws InterruptedException {
        VirtualTime time = new VirtualTime();
        SimulatedDevices.Builder b = SimulatedDevices.builder().presentAtStart(true);
        for (int i = 0; i < toys; i++) {
            b.add("lovense");
        }
        manager = new DeviceManager(List.of(b.build()), time.scheduling(executor));
        DeviceWaits.awaitDevices(manager, toys, Duration.ofSeconds(5));
        ButtplugServer server = ButtplugServer.builder(manager).scheduling(time.scheduling(executor))
                .limits(MessageLimits.DEFAULT).build();
        ScriptedConnector link = new ScriptedConnector(false);
        server.serve(link);
        link.deliver(HANDSHAKE);
        executor.runAll();
        long id = 2;
        long refused = 0;
        for (int t = 0; t < ms; t++) {
            for (int k = 0; k < perMs; k++) {
                int device = (int) (id % targets);
                link.deliver("[{\"OutputCmd\":{\"Id\":" + id++ + ",\"DeviceIndex\":" + device
                        + ",\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":" + (1 + id % 20) + "}}}}]");
            }
            executor.runAll();
            time.advanceMillis(1);
            executor.runAll();
            refused += link.sent.stream().filter(f -> f.contains("Rate limit")).count();
            link.sent.clear();
        }
        return refused;
    }

    @Test
    void anHonestControllerDrivingTwentyToysAt13000PerSecondIsNeverRefused() throws Exception {
        // the issue #17 workload: 20 toys, ~6,000 commands/s (2x the 0.13 hub's rate would be ~13,000)
        assertThat(refusedDriving(20, 20, 13, 5_000)).as("refused of 65,000 at 13,000/s over 20 toys").isZero();
    }

    @Test
    void aFloodAtOneToyMeetsTheOneToyRate() throws Exception {
        // 10,000 commands/s at the only toy for 3 s: 1,000/s + the 2,000 burst pass, the rest is refused
        long refused = refusedDriving(1, 1, 10, 3_000);
        assertThat(refused).as("refused of 30,000").isBetween(24_900L, 25_100L);
    }
}
