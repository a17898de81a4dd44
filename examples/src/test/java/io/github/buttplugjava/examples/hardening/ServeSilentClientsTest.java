package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.testsupport.SilentSockets;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 4, on {@code serve}: WebSocket clients that upgrade and never send a frame, and clients that
 * send RequestServerInfo and then stay silent at WebSocket level too (never a pong). Honest
 * clients are admitted after them (the silent ones are shed first), and the silent ones are closed:
 * by the first-frame deadline (10 s) or by the keepalive (ping every 1 s, closed after 3 s of silence).
 */
class ServeSilentClientsTest {

    @Test
    void upgradedClientsThatNeverSendAFrameNeitherLockOutHonestOnesNorStay() throws Exception {
        try (Rigs.Serve serve = new Rigs.Serve("lovense"); SilentSockets silent = new SilentSockets(serve.port())) {
            int baseline = serve.openConnections();
            // the whole connection cap of serve (1,024) in clients that never send a frame
            silent.openUpgraded(1_024, "/", null);
            silent.poll(Duration.ofMillis(10));
            long ms = serve.honestRoundTrip(0.5);
            assertThat(ms).as("honest handshake + command after 1,024 silent clients").isLessThan(5_000);
            // first-frame deadline 10 s (or keepalive 3 s), plus a margin
            int closed = silent.awaitClosed(Duration.ofSeconds(10 + 5), null);
            assertThat(closed).as("silent clients closed by the server").isEqualTo(silent.size());
            assertThat(ServerProbe.awaitAtMost(serve::openConnections, baseline, Duration.ofSeconds(5)))
                    .isLessThanOrEqualTo(baseline);
        }
    }

    @Test
    void clientsSilentAfterRequestServerInfoAreClosedByKeepalive() throws Exception {
        try (Rigs.Serve serve = new Rigs.Serve("lovense"); SilentSockets silent = new SilentSockets(serve.port())) {
            int baseline = serve.openConnections();
            int upgraded = silent.openUpgraded(200, "/", "[" + Wire.requestServerInfo(1, "then silent") + "]");
            assertThat(upgraded).isPositive();
            long ms = serve.honestRoundTrip(0.5);
            assertThat(ms).as("honest handshake + command next to 200 silent clients").isLessThan(5_000);
            // keepalive: ping every 1 s, closed after 3 s of silence; plus a margin
            int closed = silent.awaitClosed(Duration.ofSeconds(3 + 1 + 4), null);
            assertThat(closed).as("clients that answer no ping, closed by the server").isEqualTo(silent.size());
            assertThat(ServerProbe.awaitAtMost(serve::openConnections, baseline, Duration.ofSeconds(5)))
                    .isLessThanOrEqualTo(baseline);
        }
    }
}
