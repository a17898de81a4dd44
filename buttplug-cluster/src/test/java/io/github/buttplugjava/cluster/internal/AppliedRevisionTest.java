package io.github.buttplugjava.cluster.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The revision a node's rooms watch has applied, and a writer waiting for its own write. */
class AppliedRevisionTest {

    @Test
    void aWriterWaitsUntilTheWatchAppliedItsRevisionAndNotForALaterOne() throws Exception {
        AppliedRevision applied = new AppliedRevision();
        ExecutorService watch = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
                try {
                    return applied.await(7, Duration.ofSeconds(30));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            watch.submit(() -> applied.applied(6)).get(10, TimeUnit.SECONDS);
            assertThat(waited).as("revision 6 is not the writer's 7").isNotDone();
            watch.submit(() -> applied.applied(9)).get(10, TimeUnit.SECONDS); // 7 and 8 were other keys'
            assertThat(waited.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(applied.await(9, Duration.ofSeconds(30))).as("applied already").isTrue();
            assertThat(applied.applied()).isEqualTo(9);
        } finally {
            watch.shutdownNow();
        }
    }

    @Test
    void theWaitIsBoundedWhenTheWatchLags() throws Exception {
        AppliedRevision applied = new AppliedRevision();
        applied.applied(3);
        assertThat(applied.await(4, Duration.ofMillis(50))).as("the write stands; this node has it later").isFalse();
        applied.applied(2); // an older revision never moves it back
        assertThat(applied.applied()).isEqualTo(3);
    }

    @Test
    void theWatchThreadNeverWaitsForARevisionOnlyItCanApply() throws Exception {
        AppliedRevision applied = new AppliedRevision();
        ExecutorService watch = Executors.newSingleThreadExecutor();
        try {
            watch.submit(() -> applied.applied(1)).get(10, TimeUnit.SECONDS);
            boolean reached = watch.submit(() -> applied.await(2, Duration.ofHours(1))).get(10, TimeUnit.SECONDS);
            assertThat(reached).as("answered at once on the watch's thread, without waiting an hour").isFalse();
            assertThat(watch.submit(() -> applied.await(1, Duration.ofHours(1))).get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            watch.shutdownNow();
        }
    }
}
