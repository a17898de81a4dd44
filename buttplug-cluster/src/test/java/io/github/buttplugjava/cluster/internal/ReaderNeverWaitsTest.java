package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NATS reader thread never waits on jnats' full outgoing queue: the node's writes to NATS are
 * stalled (a proxy stops reading them, the outgoing queue is 8 messages), and an end that closes
 * on the reader thread (as the hub session does when a bound is hit) does not hold the reader:
 * its close notice waits in the outbox. Past the outbox's bound a frame is refused and its link
 * closed with a reason; when NATS takes writes again everything waiting goes out, in order.
 */
class ReaderNeverWaitsTest {

    private static final Subjects SUBJECTS = new Subjects("rn");

    private NatsServer server;
    private StallingProxy proxy;
    private Connection node;
    private Connection peer;
    private Bridges bridges;
    private Thread filler;
    private final AtomicBoolean filling = new AtomicBoolean(true);

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        proxy = new StallingProxy(server.port());
        ReaderTap tap = new ReaderTap();
        // a publish that found the outgoing queue full would wait 28.5 s (95 % of the cleanup interval)
        node = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + proxy.port()).readListener(tap)
                .maxMessagesInOutgoingQueue(8).requestCleanupInterval(Duration.ofSeconds(30)).build());
        peer = Nats.connect(new Options.Builder().server(server.url()).build());
        bridges = new Bridges(node, SUBJECTS, "n1", 8, tap);
        node.flush(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        filling.set(false);
        if (proxy != null) {
            proxy.resume();
        }
        if (filler != null) {
            filler.join(TimeUnit.SECONDS.toMillis(35));
        }
        for (AutoCloseable c : new AutoCloseable[]{bridges, node, peer, proxy, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Stalls the node's writes and fills its outgoing queue from a thread of its own. */
    private void stallAndFill() throws InterruptedException {
        proxy.stall();
        AtomicLong inPublishSince = new AtomicLong();
        byte[] junk = new byte[64 * 1024];
        filler = new Thread(() -> {
            while (filling.get()) {
                inPublishSince.set(System.nanoTime());
                try {
                    node.publish("rn.fill", junk);
                } catch (IllegalStateException full) {
                    // waited the whole offer timeout: try again until told to stop
                }
                inPublishSince.set(0);
            }
        }, "filler");
        filler.setDaemon(true);
        filler.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            long since = inPublishSince.get();
            if (since != 0 && System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(500)) {
                return; // a publish has waited half a second: the outgoing queue is full
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the node's outgoing queue did not fill within 30 s");
    }

    private static FrameListener abortingOn(OwnerEnd end, String trigger, BlockingQueue<String> seen) {
        return new FrameListener() {
            @Override
            public void onFrame(String frame) {
                seen.add(frame);
                if (frame.equals(trigger)) {
                    end.abort("more than 256 frames or 4194304 bytes waiting"); // as the hub session does, at once
                }
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        };
    }

    @Test
    void anEndClosingOnTheReaderThreadDoesNotHoldTheReaderAndItsNoticeGoesOutLater() throws Exception {
        BlockingQueue<String> toN2 = new LinkedBlockingQueue<>();
        Dispatcher d = peer.createDispatcher(m -> toN2.add(m.getSubject().substring("rn.to.n2.".length())
                + " " + new String(m.getData(), StandardCharsets.UTF_8)));
        d.subscribe(SUBJECTS.framesTo("n2"));
        d.subscribe(SUBJECTS.closesTo("n2"));
        peer.flush(Duration.ofSeconds(5));

        BridgeSender sender = new BridgeSender(node, SUBJECTS, "n1", 4, 1 << 20, 16);
        OwnerEnd flooded = new OwnerEnd("n2-a-1", "n2", bridges, sender);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        assertThat(bridges.add("n2-a-1", flooded)).isTrue();
        flooded.connect(abortingOn(flooded, "overflow", seen)).get(5, TimeUnit.SECONDS);
        OwnerEnd quiet = new OwnerEnd("n2-a-2", "n2", bridges, sender);
        BlockingQueue<String> quietSeen = new LinkedBlockingQueue<>();
        assertThat(bridges.add("n2-a-2", quiet)).isTrue();
        quiet.connect(abortingOn(quiet, "never", quietSeen)).get(5, TimeUnit.SECONDS);

        stallAndFill();
        peer.publish(SUBJECTS.frame("n1", "n2-a-1"), "overflow".getBytes(StandardCharsets.UTF_8));
        peer.publish(SUBJECTS.frame("n1", "n2-a-2"), "after".getBytes(StandardCharsets.UTF_8));
        peer.flush(Duration.ofSeconds(5));

        // the reader went on to the next frame although the close notice could not be written
        // (a publish on the reader would have held it for 28.5 s)
        assertThat(quietSeen.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(seen).containsExactly("overflow");
        assertThat(flooded.isConnected()).isFalse();

        // while the close notice waits, another link's frames queue behind it up to the bound (4):
        // the fifth is refused and that link closes with the reason
        for (int i = 1; i <= 4; i++) {
            assertThat(quiet.send("q" + i)).isCompleted();
        }
        CompletableFuture<Void> fifth = quiet.send("q5");
        assertThat(fifth).isCompletedExceptionally();
        assertThat(quiet.isConnected()).isFalse();

        filling.set(false);
        proxy.resume();
        List<String> expected = List.of(
                "n2-a-1.c {\"reason\":\"more than 256 frames or 4194304 bytes waiting\",\"sent\":0}",
                "n2-a-2.f q1", "n2-a-2.f q2", "n2-a-2.f q3", "n2-a-2.f q4",
                "n2-a-2.c {\"reason\":\"the cluster's messaging would not take a frame\",\"sent\":4}");
        for (String want : expected) {
            String got = toN2.poll(30, TimeUnit.SECONDS);
            assertThat(got).isEqualTo(want);
        }
    }
}
