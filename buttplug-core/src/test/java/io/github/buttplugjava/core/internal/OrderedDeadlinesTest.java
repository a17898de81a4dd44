package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** One timer for many same-length limits, checked on virtual time with the serial work run on the test's thread. */
class OrderedDeadlinesTest {

    private static final long LIMIT = TimeUnit.MILLISECONDS.toNanos(100);

    private final VirtualTime time = new VirtualTime();
    private final Executor serial = Runnable::run;
    private final Scheduling scheduling = time.scheduling(serial);
    private final List<String> expired = new ArrayList<>();
    private final OrderedDeadlines<String> deadlines =
            new OrderedDeadlines<>(LIMIT, time.scheduler(), serial, scheduling::nanoTime, expired::add);

    @Test
    void eachEntryExpiresAtItsOwnDeadlineAndNotBefore() {
        deadlines.add("a");
        time.advanceMillis(30);
        deadlines.add("b");
        time.advanceMillis(69);
        assertThat(expired).isEmpty();
        time.advanceMillis(1);
        assertThat(expired).containsExactly("a");
        time.advanceMillis(29);
        assertThat(expired).containsExactly("a");
        time.advanceMillis(1);
        assertThat(expired).containsExactly("a", "b");
        assertThat(deadlines.size()).isZero();
        assertThat(time.pending()).as("no timer left once nothing waits").isZero();
    }

    @Test
    void entriesAnsweredInTimeNeverExpireAndCostNoTimerEach() {
        for (int i = 0; i < 1_000; i++) {
            deadlines.add("r" + i);
            assertThat(time.pending()).as("one timer, however many entries").isEqualTo(1);
            assertThat(deadlines.remove("r" + i)).isTrue();
        }
        assertThat(deadlines.remove("r0")).isFalse();
        time.advanceMillis(1_000);
        assertThat(expired).isEmpty();
        assertThat(time.pending()).isZero();
    }

    /**
     * When nothing waits, no timer is left armed for an answered entry: the next entry arms its own
     * at its own deadline, never a re-arm from an early sweep (which, on a clock that moves in jumps
     * such as a test's virtual clock, could land after the deadline: `StalledAgentTest` saw it).
     */
    @Test
    void noTimerOutlivesTheLastAnsweredEntryAndTheNextArmsAtItsOwnDeadline() {
        deadlines.add("ping 1");
        deadlines.remove("ping 1");
        assertThat(time.pending()).as("timers left once nothing waits").isZero();
        time.advanceMillis(50);
        deadlines.add("ping 2");
        time.advanceMillis(99);
        assertThat(expired).isEmpty();
        time.advanceMillis(1);
        assertThat(expired).containsExactly("ping 2");
    }

    @Test
    void anEntryAddedWhileExpiringGetsItsFullLimit() {
        AtomicReference<OrderedDeadlines<String>> self = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        self.set(new OrderedDeadlines<>(LIMIT, time.scheduler(), serial, scheduling::nanoTime, key -> {
            seen.add(key);
            if (key.equals("first")) {
                self.get().add("retry"); // e.g. a request repeated when its first try timed out
            }
        }));
        self.get().add("first");
        time.advanceMillis(100);
        assertThat(seen).containsExactly("first");
        assertThat(time.pending()).isEqualTo(1);
        time.advanceMillis(99);
        assertThat(seen).containsExactly("first");
        time.advanceMillis(1);
        assertThat(seen).containsExactly("first", "retry");
    }

    @Test
    void closeForgetsEveryEntryAndCancelsTheTimer() {
        deadlines.add("a");
        deadlines.add("b");
        deadlines.close();
        deadlines.add("c");
        time.advanceMillis(1_000);
        assertThat(expired).isEmpty();
        assertThat(deadlines.size()).isZero();
        assertThat(time.pending()).isZero();
    }
}
