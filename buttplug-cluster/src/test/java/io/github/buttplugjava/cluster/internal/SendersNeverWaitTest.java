package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A thread that sends a bridged frame (a hub I/O thread serving many links) never waits on jnats'
 * full outgoing queue: the node's connection discards instead of waiting, and the bridge tries a
 * discarded frame again on the outbox's thread, in order. The node's writes to NATS are stalled
 * by a proxy and its outgoing queue (8 messages) filled; a publish that waited would wait 28.5 s
 * (95 % of the cleanup interval) here, so the send is bounded at 10 s. A frame jnats dropped
 * without the bridge noticing would never arrive; past the outbox's bound a frame is refused, and
 * its link closes.
 */
class SendersNeverWaitTest {

    private static final Subjects SUBJECTS = new Subjects("sn");

    private NatsServer server;
    private StallingProxy proxy;
    private Connection node;
    private Connection peer;
    private final AtomicInteger discards = new AtomicInteger();
    private final BlockingQueue<String> toN2 = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        server = NatsServer.start();
        proxy = new StallingProxy(server.port());
        node = Nats.connect(new Options.Builder().server("nats://127.0.0.1:" + proxy.port())
                .maxMessagesInOutgoingQueue(8).discardMessagesWhenOutgoingQueueFull()
                .requestCleanupInterval(Duration.ofSeconds(30))
                .errorListener(new ErrorListener() {
                    @Override
                    public void messageDiscarded(Connection conn, Message msg) {
                        discards.incrementAndGet();
                        Bridges.discarded(); // as the node's listener does
                    }
                }).build());
        peer = Nats.connect(new Options.Builder().server(server.url()).build());
        Dispatcher d = peer.createDispatcher(m -> toN2.add(m.getSubject().substring("sn.to.n2.".length())
                + " " + new String(m.getData(), StandardCharsets.UTF_8)));
        d.subscribe(SUBJECTS.framesTo("n2"));
        d.subscribe(SUBJECTS.closesTo("n2"));
        peer.flush(Duration.ofSeconds(5));
        node.flush(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.resume();
        }
        for (AutoCloseable c : new AutoCloseable[]{node, peer, proxy, server}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /**
     * Stalls the node's writes and publishes junk until jnats discards 200 publishes in a row: its
     * writer is then stuck on the stalled socket and the queue stays full.
     */
    private void stallAndFill() {
        proxy.stall();
        byte[] junk = new byte[64 * 1024];
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int inARow = 0;
        for (int i = 0; i < 1_000_000 && inARow < 200; i++) {
            assertThat(System.nanoTime() - until).as("the outgoing queue stayed full within 30 s").isNegative();
            int before = discards.get();
            node.publish("sn.fill", junk);
            inARow = discards.get() > before ? inARow + 1 : 0;
        }
        assertThat(inARow).as("jnats discarded 200 publishes in a row: its outgoing queue is full").isEqualTo(200);
    }

    /**
     * Sends frames until jnats discards one (the stall is a kernel's: it may take a frame or two
     * into the socket now and then, so which frame is the first discarded one is not fixed).
     *
     * @return how many frames were sent, the discarded one included
     */
    private int sendUntilOneIsDiscarded(BridgeSender sender) {
        int before = discards.get();
        int sent = 0;
        while (discards.get() == before) {
            assertThat(sent).as("jnats discarded a frame within 500").isLessThan(500);
            sent++;
            assertThat(sender.frame("n2", "n2-a-1", "f" + sent, () -> {
                throw new AssertionError("no frame is refused while the outbox has room");
            })).isTrue();
        }
        return sent;
    }

    @Test
    void aDiscardedFrameIsTriedAgainOffTheSendersThreadAndArrivesInOrder() throws Exception {
        BridgeSender sender = new BridgeSender(node, SUBJECTS, "n1", 16, 1 << 20, 16, 60_000);
        stallAndFill();
        int[] sent = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            sent[0] = sendUntilOneIsDiscarded(sender);
            for (int i = 0; i < 3; i++) {
                sent[0]++;
                assertThat(sender.frame("n2", "n2-a-1", "f" + sent[0], () -> {
                    throw new AssertionError("no frame is refused while the outbox has room");
                })).isTrue();
            }
            sender.close("n2", "n2-a-1", "done", sent[0]);
        }, "a sender waited on NATS");

        proxy.resume();
        for (int i = 1; i <= sent[0]; i++) {
            assertThat(toN2.poll(30, TimeUnit.SECONDS)).isEqualTo("n2-a-1.f f" + i);
        }
        assertThat(toN2.poll(30, TimeUnit.SECONDS)).isEqualTo("n2-a-1.c {\"reason\":\"done\",\"sent\":" + sent[0] + "}");
    }

    @Test
    void pastTheOutboxsBoundAFrameIsRefusedSoItsLinkCloses() throws Exception {
        BridgeSender sender = new BridgeSender(node, SUBJECTS, "n1", 2, 1 << 20, 16, 60_000);
        stallAndFill();
        // the outbox's exact bound is OutboxTest's; here: a refusal comes, and nothing waits for it
        int[] taken = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            while (taken[0] < 500 && sender.frame("n2", "n2-a-1", "f" + (taken[0] + 1), () -> { })) {
                taken[0]++;
            }
        }, "a sender waited on NATS");
        assertThat(taken[0]).as("a frame was refused within 500").isLessThan(500);
        proxy.resume();
        for (int i = 1; i <= taken[0]; i++) {
            assertThat(toN2.poll(30, TimeUnit.SECONDS)).isEqualTo("n2-a-1.f f" + i);
        }
        assertThat(toN2.poll(1, TimeUnit.SECONDS)).as("nothing after the refused frame").isNull();
    }
}
