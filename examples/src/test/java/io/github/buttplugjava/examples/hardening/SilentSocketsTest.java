package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.testsupport.SilentSockets;

import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 3: 2,000 TCP sockets that never finish the HTTP upgrade (50 of them dribbling their headers
 * one byte every 200 ms). An honest client still connects at once (well before the 5 s upgrade
 * deadline), every offending socket is closed by the server within the deadline plus a margin,
 * and the server's open connections return to their baseline.
 */
class SilentSocketsTest {

    private static final int IDLE = 1_950;
    private static final int DRIBBLING = 50;
    /** Upgrade deadline 5 s (LIMITS.md) plus a margin for 2 shared cores. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(5 + 4);
    /** "At once": well inside the upgrade deadline, so not only after the silent sockets were shed by it. */
    private static final long HONEST_MS = 3_000;

    @Test
    void hubShedsSocketsThatNeverUpgradeAndStillAdmitsAnHonestController() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            SimulatedDevices alice = Rigs.sims("lovense");
            hub.share(0, "Alice", alice, DeviceGrant.full());
            hub.honestRoundTrip(0, "Alice", alice.devices().get(0), 0.5);
            int baseline = hub.openConnections();
            attack(hub.port(), "/share", () -> hub.honestRoundTrip(0, "Alice", alice.devices().get(0), 0.5),
                    hub::openConnections, baseline);
        }
    }

    @Test
    void serveShedsSocketsThatNeverUpgradeAndStillAdmitsAnHonestClient() throws Exception {
        try (Rigs.Serve serve = new Rigs.Serve("lovense")) {
            serve.honestRoundTrip(0.5);
            int baseline = serve.openConnections();
            attack(serve.port(), "/", () -> serve.honestRoundTrip(0.5), serve::openConnections, baseline);
        }
    }

    interface RoundTrip {
        long run() throws Exception;
    }

    private static void attack(int port, String path, RoundTrip honest, java.util.function.IntSupplier open,
                               int baseline) throws Exception {
        try (SilentSockets silent = new SilentSockets(port)) {
            long opened = System.nanoTime();
            silent.openIdle(IDLE);
            silent.openDribbling(DRIBBLING, path);
            silent.dribble();
            long ms = honest.run();
            assertThat(ms).as("honest handshake + command (ms) with %d silent sockets", silent.size())
                    .isLessThan(HONEST_MS);
            Duration left = CLOSED_WITHIN.minusNanos(System.nanoTime() - opened);
            int closed = silent.awaitClosed(left.isNegative() ? Duration.ZERO : left, Duration.ofMillis(200));
            assertThat(closed).as("silent sockets the server closed within %d s", CLOSED_WITHIN.toSeconds())
                    .isEqualTo(silent.size());
        }
        assertThat(ServerProbe.awaitAtMost(open, baseline, Duration.ofSeconds(5)))
                .as("open connections after the attack (baseline %d)", baseline).isLessThanOrEqualTo(baseline);
    }
}
