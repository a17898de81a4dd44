package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridges' bounds driven to their limit: the most bridged links on a node, and the pending
 * limits of the frame and beat subscriptions (messages NATS drops past them close every bridged
 * link).
 */
class BridgesBoundsTest {

    private static final Subjects SUBJECTS = new Subjects("bb");

    private NatsServer server;
    private Connection node;
    private Connection peer;
    private Bridges bridges;
    private final AtomicReference<Bridges> alarmed = new AtomicReference<>();
    private final AtomicInteger slowConsumers = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        peer = Nats.connect(new Options.Builder().server(server.url()).build());
    }

    /** The node's connection, wired as {@code ClusterNode} wires it: a slow consumer closes every bridged link. */
    private void connect(ReaderTap connectionTap) throws Exception {
        node = Nats.connect(new Options.Builder().server(server.url()).readListener(connectionTap)
                .errorListener(new ErrorListener() {
                    @Override
                    public void slowConsumerDetected(Connection conn, Consumer consumer) {
                        slowConsumers.incrementAndGet();
                        Bridges b = alarmed.get();
                        if (b != null) {
                            b.fellBehind();
                        }
                    }
                }).build());
    }

    /** Bridges on {@code node} whose subscriptions hold at most 4 messages pending, subscribed and flushed. */
    private void startBridgesWithPendingLimit4(ReaderTap tap) throws Exception {
        bridges = new Bridges(node, SUBJECTS, "n1", 8, tap, 4, 1 << 20);
        alarmed.set(bridges);
        node.flush(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{bridges, node, peer, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private void publishFrames(String link, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            peer.publish(SUBJECTS.frame("n1", link), ("frame " + i).getBytes(StandardCharsets.UTF_8));
        }
        peer.flush(Duration.ofSeconds(5));
    }

    @Test
    void aNodeTakesNoMoreBridgedLinksThanItsBoundAndALeavingOneMakesRoom() throws Exception {
        ReaderTap tap = new ReaderTap();
        connect(tap);
        bridges = new Bridges(node, SUBJECTS, "n1", 2, tap);

        assertThat(bridges.add("n2-a-1", new RecordingEnd("n2"))).isTrue();
        assertThat(bridges.add("n2-a-2", new RecordingEnd("n2"))).isTrue();
        assertThat(bridges.add("n2-a-3", new RecordingEnd("n2"))).as("the third of a bound of two").isFalse();
        assertThat(bridges.count()).isEqualTo(2);

        bridges.remove("n2-a-1");
        assertThat(bridges.add("n2-a-3", new RecordingEnd("n2"))).isTrue();
        assertThat(bridges.count()).isEqualTo(2);
    }

    @Test
    void framesPastThePendingLimitCloseEveryBridgedLinkOnTheNode() throws Exception {
        connect(new ReaderTap()); // a tap that hands nothing on: frames stay in the subscription
        startBridgesWithPendingLimit4(new ReaderTap());
        RecordingEnd flooded = new RecordingEnd("n2");
        RecordingEnd other = new RecordingEnd("n2");
        assertThat(bridges.add("n2-a-1", flooded)).isTrue();
        assertThat(bridges.add("n2-a-2", other)).isTrue();

        publishFrames("n2-a-1", 10);

        assertThat(flooded.reason.get(10, TimeUnit.SECONDS)).isEqualTo("the hub fell behind its cluster");
        assertThat(other.reason.get(10, TimeUnit.SECONDS)).isEqualTo("the hub fell behind its cluster");
        assertThat(bridges.count()).isZero();
        assertThat(slowConsumers.get()).isPositive();
    }

    @Test
    void theReaderTapKeepsTheSubscriptionFarBelowASmallPendingLimit() throws Exception {
        ReaderTap tap = new ReaderTap();
        connect(tap);
        startBridgesWithPendingLimit4(tap);
        RecordingEnd end = new RecordingEnd("n2");
        assertThat(bridges.add("n2-a-1", end)).isTrue();

        publishFrames("n2-a-1", 500);
        node.flush(Duration.ofSeconds(5)); // a round trip: everything published before it was read

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (end.count() < 500 && System.nanoTime() < until) {
            Thread.sleep(10); // bounded wait for the reader
        }
        assertThat(end.count()).isEqualTo(500);
        assertThat(end.closed).isNotDone();
        assertThat(slowConsumers.get()).isZero();
    }

    private void publishBeats(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            peer.publish(SUBJECTS.beat("n1", "n2"), new byte[0]);
        }
        peer.flush(Duration.ofSeconds(5));
    }

    @Test
    void beatsPastThePendingLimitCloseEveryBridgedLinkOnTheNode() throws Exception {
        connect(new ReaderTap()); // a tap that hands nothing on: beats stay in the subscription
        startBridgesWithPendingLimit4(new ReaderTap());
        RecordingEnd end = new RecordingEnd("n2");
        assertThat(bridges.add("n2-a-1", end)).isTrue();

        publishBeats(10);

        assertThat(end.reason.get(10, TimeUnit.SECONDS)).isEqualTo("the hub fell behind its cluster");
        assertThat(bridges.count()).isZero();
        assertThat(slowConsumers.get()).isPositive();
    }

    @Test
    void theReaderTapKeepsTheBeatSubscriptionFarBelowASmallPendingLimit() throws Exception {
        ReaderTap tap = new ReaderTap();
        connect(tap);
        startBridgesWithPendingLimit4(tap);
        AtomicInteger beaten = new AtomicInteger();
        bridges.relayed().add("n2", () -> {
            beaten.incrementAndGet();
            return true;
        });

        publishBeats(500);
        node.flush(Duration.ofSeconds(5)); // a round trip: everything published before it was read

        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (beaten.get() < 500 && System.nanoTime() < until) {
            Thread.sleep(10); // bounded wait for the reader
        }
        assertThat(beaten.get()).isEqualTo(500);
        assertThat(slowConsumers.get()).isZero();
    }
}
