package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bridge does with a publish NATS discarded, against a connection the test controls
 * (it discards as jnats does on a connection built with {@code discardMessagesWhenOutgoingQueueFull()}:
 * it tells the error listener on the publishing thread and returns). {@link SendersNeverWaitTest}
 * shows the same against a real jnats connection whose socket is stalled.
 */
class BridgeSenderRetryTest {

    private static final Subjects SUBJECTS = new Subjects("br");

    /** A connection whose publish discards while {@code full} is set, and throws once {@code closed}. */
    private static final class FakeNats {
        volatile boolean full;
        volatile boolean closed;
        final List<String> published = new CopyOnWriteArrayList<>();
        final List<String> publishedOn = new CopyOnWriteArrayList<>();

        Connection connection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("publish") && args != null && args.length == 2
                                && args[1] instanceof byte[] body) {
                            if (closed) {
                                throw new IllegalStateException("Connection is Closed");
                            }
                            if (full) {
                                Bridges.discarded(); // as the node's error listener does, on this thread
                                return null;
                            }
                            published.add(args[0] + " " + new String(body, StandardCharsets.UTF_8));
                            publishedOn.add(Thread.currentThread().getName());
                            return null;
                        }
                        if (method.getName().equals("toString")) {
                            return "FakeNats";
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }

        void awaitPublished(int count) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (published.size() < count && System.nanoTime() - until < 0) {
                Thread.sleep(1);
            }
            assertThat(published).as("published within 10 s").hasSizeGreaterThanOrEqualTo(count);
        }
    }

    private static Runnable notRefused(String what) {
        return () -> {
            throw new AssertionError(what + " was refused");
        };
    }

    @Test
    void aPublishNatsTakesGoesOutOnTheCallersThread() throws Exception {
        FakeNats nats = new FakeNats();
        BridgeSender sender = new BridgeSender(nats.connection(), SUBJECTS, "n1", 4, 1024, 4, 60_000);
        assertThat(sender.frame("n2", "n2-a-1", "f1", notRefused("f1"))).isTrue();
        assertThat(nats.published).containsExactly("br.to.n2.n2-a-1.f f1");
        assertThat(nats.publishedOn).containsExactly(Thread.currentThread().getName());
        assertThat(sender.waiting()).isZero();
    }

    @Test
    void aDiscardedFrameIsTriedAgainOnTheOutboxsThreadAndTheOnesAfterItKeepTheirPlace() throws Exception {
        FakeNats nats = new FakeNats();
        BridgeSender sender = new BridgeSender(nats.connection(), SUBJECTS, "n1", 4, 1024, 4, 60_000);
        nats.full = true;
        assertThat(sender.frame("n2", "n2-a-1", "f1", notRefused("f1"))).as("taken, to be tried again").isTrue();
        assertThat(sender.frame("n2", "n2-a-1", "f2", notRefused("f2"))).isTrue();
        sender.close("n2", "n2-a-1", "done", 2);
        assertThat(nats.published).as("nothing went out while NATS discarded").isEmpty();

        nats.full = false;
        nats.awaitPublished(3);
        assertThat(nats.published).containsExactly("br.to.n2.n2-a-1.f f1", "br.to.n2.n2-a-1.f f2",
                "br.to.n2.n2-a-1.c {\"reason\":\"done\",\"sent\":2}");
        assertThat(nats.publishedOn).as("published by the outbox's thread, not the sender's")
                .containsOnly("cluster-outbox-n1");
    }

    @Test
    void aFrameNatsKeepsDiscardingIsRefusedOnceTheRetryTimeIsOverSoItsLinkCloses() throws Exception {
        FakeNats nats = new FakeNats();
        BridgeSender sender = new BridgeSender(nats.connection(), SUBJECTS, "n1", 4, 1024, 4, 20);
        CountDownLatch refused = new CountDownLatch(1);
        nats.full = true;
        assertThat(sender.frame("n2", "n2-a-1", "f1", refused::countDown)).isTrue();
        assertThat(refused.await(10, TimeUnit.SECONDS)).as("the link was told to close").isTrue();
        assertThat(nats.published).isEmpty();
    }

    @Test
    void pastTheOutboxsBoundADiscardedFrameIsRefusedAtOnce() {
        FakeNats nats = new FakeNats();
        // one frame waits at most; the first discarded one may be in the outbox's hands, retried
        BridgeSender sender = new BridgeSender(nats.connection(), SUBJECTS, "n1", 1, 1024, 4, 60_000);
        nats.full = true;
        int taken = 0;
        while (taken < 10 && sender.frame("n2", "n2-a-1", "f" + (taken + 1), () -> { })) {
            taken++;
        }
        assertThat(taken).as("frames taken before one was refused").isBetween(1, 2);
        nats.closed = true; // lets the outbox's thread end
    }

    @Test
    void aClosedConnectionRefusesTheFrameAtOnce() {
        FakeNats nats = new FakeNats();
        BridgeSender sender = new BridgeSender(nats.connection(), SUBJECTS, "n1", 4, 1024, 4, 60_000);
        nats.closed = true;
        assertThat(sender.frame("n2", "n2-a-1", "f1", notRefused("f1"))).isFalse();
        sender.close("n2", "n2-a-1", "gone", 0); // NATS is gone: nothing to publish, nothing thrown
        assertThat(sender.waiting()).isZero();
    }
}
