package io.github.buttplugjava.cluster.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's bounds and order, with a publisher the test holds: nothing here depends on how
 * fast a socket drains. While one item is being published (held), the others wait in the queue
 * up to its bounds (frames, bytes of frames, close notices, each on its own), in the order given.
 */
class OutboxTest {

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> published = new CopyOnWriteArrayList<>();

    @AfterEach
    void letGo() {
        release.countDown();
    }

    /** A publisher that holds the first item until {@link #release}, and records every item. */
    private Outbox holdingFirst(int maxFrames, long maxBytes, int maxCloses) {
        AtomicInteger calls = new AtomicInteger();
        return new Outbox(item -> {
            if (calls.getAndIncrement() == 0) {
                entered.countDown();
                await(release);
            }
            if (new String(item.body(), StandardCharsets.UTF_8).startsWith("refuse")) {
                throw new IllegalStateException("NATS took no publish");
            }
            published.add(item.subject() + " " + new String(item.body(), StandardCharsets.UTF_8));
        }, "outbox-test", maxFrames, maxBytes, maxCloses);
    }

    private static Outbox.Item frame(String body, Runnable refused) {
        return new Outbox.Item("f", body.getBytes(StandardCharsets.UTF_8), true, refused);
    }

    private static Outbox.Item frame(String body) {
        return frame(body, () -> {
            throw new AssertionError("frame " + body + " was refused");
        });
    }

    private static Outbox.Item close(String body) {
        return new Outbox.Item("c", body.getBytes(StandardCharsets.UTF_8), false, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("latch opened within 10 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitPublished(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.size() < count && System.nanoTime() - until < 0) {
            Thread.sleep(1);
        }
        assertThat(published).as("published within 10 s").hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void whileNothingWaitsAPublishOffTheReaderThreadIsLeftToTheCaller() {
        Outbox outbox = holdingFirst(4, 1024, 4);
        assertThat(outbox.submit(frame("a"))).isEqualTo(Outbox.Outcome.DIRECT);
        assertThat(outbox.submit(close("x"))).isEqualTo(Outbox.Outcome.DIRECT);
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void onceOneIsQueuedTheOnesAfterItQueueBehindItAndGoOutInOrder() throws Exception {
        Outbox outbox = holdingFirst(8, 1024, 8);
        assertThat(outbox.queue(frame("1"))).isEqualTo(Outbox.Outcome.QUEUED);
        await(entered);
        assertThat(outbox.submit(frame("2"))).as("queued behind the one in flight").isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.submit(frame("3"))).isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.submit(close("end"))).isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.waiting()).isEqualTo(3);
        release.countDown();
        awaitPublished(4);
        assertThat(published).containsExactly("f 1", "f 2", "f 3", "c end");
    }

    @Test
    void pastItsFrameBoundAFrameIsRefusedWhileCloseNoticesStillQueue() throws Exception {
        Outbox outbox = holdingFirst(2, 1024, 1);
        outbox.queue(frame("1"));
        await(entered); // "1" is in flight: it no longer counts against the bound
        assertThat(outbox.queue(frame("2"))).isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.submit(frame("3"))).isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.submit(frame("4"))).as("two frames wait").isEqualTo(Outbox.Outcome.FULL);
        assertThat(outbox.queue(frame("4"))).as("a discarded publish too").isEqualTo(Outbox.Outcome.FULL);
        assertThat(outbox.submit(close("end"))).as("a close notice has its own bound").isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.submit(close("again"))).isEqualTo(Outbox.Outcome.FULL);
        release.countDown();
        awaitPublished(4);
        assertThat(published).containsExactly("f 1", "f 2", "f 3", "c end");
    }

    @Test
    void pastItsByteBoundAFrameIsRefused() throws Exception {
        Outbox outbox = holdingFirst(100, 10, 4);
        outbox.queue(frame("in flight"));
        await(entered);
        assertThat(outbox.queue(frame("123456"))).isEqualTo(Outbox.Outcome.QUEUED);
        assertThat(outbox.queue(frame("12345"))).as("6 + 5 bytes > 10").isEqualTo(Outbox.Outcome.FULL);
        assertThat(outbox.queue(frame("1234"))).as("6 + 4 bytes fit").isEqualTo(Outbox.Outcome.QUEUED);
        release.countDown();
        awaitPublished(3);
        assertThat(published).containsExactly("f in flight", "f 123456", "f 1234");
    }

    @Test
    void aFrameThePublisherRefusesRunsItsHookAndTheOnesBehindItStillGoOut() throws Exception {
        Outbox outbox = holdingFirst(8, 1024, 8);
        CountDownLatch refused = new CountDownLatch(1);
        outbox.queue(frame("1"));
        await(entered);
        outbox.submit(frame("refuse me", refused::countDown));
        outbox.submit(close("refuse this notice"));
        outbox.submit(frame("2"));
        release.countDown();
        await(refused);
        awaitPublished(2);
        assertThat(published).containsExactly("f 1", "f 2");
    }
}
