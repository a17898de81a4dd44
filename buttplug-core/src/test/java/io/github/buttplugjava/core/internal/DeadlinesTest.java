package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Time limits and delays on a scheduling, checked on virtual time with tasks run on the test's thread. */
class DeadlinesTest {

    private final VirtualTime time = new VirtualTime();
    private final List<Runnable> handedOff = new ArrayList<>();
    /** Records hand-offs, then runs them: shows that the scheduler only hands work to the executor. */
    private final Executor executor = task -> {
        handedOff.add(task);
        task.run();
    };
    private final Scheduling scheduling = time.scheduling(executor);

    @Test
    void orTimeoutFailsAtTheLimitAndNotBefore() {
        CompletableFuture<String> f = Deadlines.orTimeout(new CompletableFuture<>(), Duration.ofMillis(300), scheduling);
        time.advanceMillis(299);
        assertThat(f).isNotDone();
        time.advanceMillis(1);
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        assertThat(handedOff).hasSize(1);
    }

    @Test
    void aFutureDoneInTimeCancelsItsTimer() {
        CompletableFuture<String> f = Deadlines.orTimeout(new CompletableFuture<>(), Duration.ofMillis(300), scheduling);
        assertThat(time.pending()).isEqualTo(1);
        f.complete("done");
        assertThat(time.pending()).isZero();
        time.advanceMillis(1000);
        assertThat(f).isCompletedWithValue("done");
        assertThat(handedOff).isEmpty();
    }

    @Test
    void completeOnTimeoutGivesTheValueAtTheLimit() {
        CompletableFuture<String> f = Deadlines.completeOnTimeout(new CompletableFuture<>(), "late", Duration.ofSeconds(1), scheduling);
        time.advanceMillis(999);
        assertThat(f).isNotDone();
        time.advanceMillis(1);
        assertThat(f).isCompletedWithValue("late");
    }

    @Test
    void laterRunsOnTheExecutorAfterTheDelay() {
        List<Long> ranAt = new ArrayList<>();
        Deadlines.later(Duration.ofMillis(500), () -> ranAt.add(time.elapsedNanos()), scheduling);
        time.advanceMillis(499);
        assertThat(ranAt).isEmpty();
        time.advanceMillis(10);
        assertThat(ranAt).containsExactly(Duration.ofMillis(500).toNanos());
        assertThat(handedOff).hasSize(1);
    }

    @Test
    void virtualTimeRunsTasksInDueOrderPeriodicOnesAgainAndCancelledOnesNever() {
        List<String> ran = new ArrayList<>();
        var every = time.scheduler().scheduleAtFixedRate(() -> ran.add("tick@" + time.elapsedNanos() / 1_000_000),
                100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        time.scheduler().schedule(() -> ran.add("b"), 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        time.scheduler().schedule(() -> ran.add("a"), 150, java.util.concurrent.TimeUnit.MILLISECONDS);
        var never = time.scheduler().schedule(() -> ran.add("never"), 200, java.util.concurrent.TimeUnit.MILLISECONDS);
        never.cancel(false);
        time.advanceMillis(300);
        every.cancel(false);
        time.advanceMillis(1000);
        assertThat(ran).containsExactly("tick@100", "a", "tick@200", "b", "tick@300");
        assertThat(time.now()).isEqualTo(VirtualTime.START.plusMillis(1300));
        assertThat(scheduling.nanoTime()).isEqualTo(Duration.between(java.time.Instant.EPOCH, time.now()).toNanos());
    }
}
