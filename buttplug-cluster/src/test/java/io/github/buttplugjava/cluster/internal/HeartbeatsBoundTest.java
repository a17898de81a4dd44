package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat watch remembers at most {@link Heartbeats#MAX_NODES} other nodes (virtual time):
 * past it, a newcomer takes the place of a node silent past the timeout; with every remembered
 * node alive it is not remembered, and a link bridged with it is closed as with a silent node.
 */
class HeartbeatsBoundTest {

    private static final Subjects SUBJECTS = new Subjects("hb");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final VirtualTime time = new VirtualTime();
    private NatsServer server;
    private Connection nats;
    private Bridges bridges;
    private Heartbeats heartbeats;

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        ReaderTap tap = new ReaderTap();
        nats = Nats.connect(new Options.Builder().server(server.url()).readListener(tap).build());
        bridges = new Bridges(nats, SUBJECTS, "me", 8, tap);
        heartbeats = new Heartbeats(nats, SUBJECTS, "me", bridges, time.scheduler(), Duration.ofMillis(250), TIMEOUT,
                time::elapsedNanos);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{heartbeats, bridges, nats, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private void fill() {
        for (int i = 0; i < Heartbeats.MAX_NODES; i++) {
            heartbeats.heard("n" + i);
        }
    }

    @Test
    void aNewcomerTakesThePlaceOfTheNodeSilentTheLongest() throws Exception {
        fill();
        time.advance(TIMEOUT.plusMillis(1));
        nats.publish(SUBJECTS.heartbeat("n1"), new byte[0]); // n1 beats again: only the others are silent
        nats.flush(Duration.ofSeconds(5));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (heartbeats.silent("n1") && System.nanoTime() < until) {
            Thread.sleep(10); // bounded wait for the dispatcher to count the beat
        }
        assertThat(heartbeats.silent("n1")).isFalse();

        heartbeats.heard("newcomer");

        assertThat(heartbeats.remembers("newcomer")).isTrue();
        assertThat(heartbeats.remembers("n1")).as("alive: kept").isTrue();
        int kept = 0;
        for (int i = 0; i < Heartbeats.MAX_NODES; i++) {
            kept += heartbeats.remembers("n" + i) ? 1 : 0;
        }
        assertThat(kept).as("one silent node made room").isEqualTo(Heartbeats.MAX_NODES - 1);
    }

    @Test
    void withEveryRememberedNodeAliveANewcomersBridgedLinksAreClosedAsSilent() throws Exception {
        fill();
        heartbeats.heard("newcomer");
        assertThat(heartbeats.remembers("newcomer")).isFalse();
        assertThat(heartbeats.silent("newcomer")).as("never heard: a bridge to it is tried").isFalse();

        RecordingEnd end = new RecordingEnd("newcomer");
        assertThat(bridges.add("newcomer-x-1", end)).isTrue();
        time.advance(Duration.ofMillis(250)); // the next tick

        assertThat(end.reason.getNow(null)).isEqualTo("cluster node newcomer is gone");
        assertThat(bridges.count()).isZero();
    }
}
