package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LatestWinsTest {

    /** Writes that complete only when the test says so. */
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    private final List<String> written = new ArrayList<>();

    private java.util.function.Supplier<CompletableFuture<Void>> write(String what) {
        return () -> {
            written.add(what);
            CompletableFuture<Void> f = new CompletableFuture<>();
            inFlight.add(f);
            return f;
        };
    }

    @Test
    void oneInFlightOneWaitingAndTheLatestWins() {
        LatestWins q = new LatestWins();
        CompletableFuture<Void> a = q.submit(0, 0, write("a"));
        CompletableFuture<Void> b = q.submit(0, 0, write("b"));
        CompletableFuture<Void> c = q.submit(0, 0, write("c"));
        assertThat(written).containsExactly("a");
        inFlight.get(0).complete(null);
        assertThat(a).isCompleted();
        assertThat(written).containsExactly("a", "c");
        assertThat(b).isNotDone();
        inFlight.get(1).completeExceptionally(new IllegalStateException("c failed"));
        assertThat(b).isCompletedExceptionally();
        assertThat(c).isCompletedExceptionally();
        assertThat(q.slotCount()).isZero();
    }

    @Test
    void keysAreIndependent() {
        LatestWins q = new LatestWins();
        q.submit(0, 0, write("f0"));
        q.submit(1, 0, write("f1"));
        assertThat(written).containsExactly("f0", "f1");
    }

    @Test
    void aStopGoesPastTheWriteInFlightAndDropsWhatWaits() {
        LatestWins q = new LatestWins();
        q.submit(0, 0, write("5"));
        CompletableFuture<Void> waiting = q.submit(0, 0, write("6"));
        CompletableFuture<Void> stop = q.stop(0, write("0"));
        assertThat(written).containsExactly("5", "0");
        inFlight.get(1).complete(null);
        assertThat(stop).isCompleted();
        assertThat(waiting).isCompleted();
        inFlight.get(0).complete(null);
        assertThat(written).containsExactly("5", "0");
    }

    @Test
    void aSecondStopWaitsForTheFirstOnlyAndALaterCommandStillWinsLast() {
        LatestWins q = new LatestWins();
        q.submit(0, 0, write("5"));
        q.stop(0, write("0a"));
        q.stop(0, write("0b"));
        CompletableFuture<Void> last = q.submit(0, 0, write("7"));
        assertThat(written).containsExactly("5", "0a");
        inFlight.get(1).complete(null); // the first stop: the waiting one is a command now
        assertThat(written).containsExactly("5", "0a");
        inFlight.get(0).complete(null); // the 5 completes: 7 goes
        assertThat(written).containsExactly("5", "0a", "7");
        inFlight.get(2).complete(null);
        assertThat(last).isCompleted();
    }

    @Test
    void aGapIsCountedFromTheCompletionOfThePreviousWrite() {
        VirtualTime time = new VirtualTime();
        LatestWins q = new LatestWins(Pacer.of(time.scheduling()));
        long gap = TimeUnit.MILLISECONDS.toNanos(100);
        q.submit(0, gap, write("1"));
        time.advanceMillis(30);
        inFlight.get(0).complete(null); // done at 30 ms
        q.submit(0, gap, write("2"));
        time.advanceMillis(99);
        assertThat(written).containsExactly("1");
        time.advanceMillis(1); // 130 ms: 100 ms after the completion
        assertThat(written).containsExactly("1", "2");
    }

    @Test
    void closingFailsWhatWaitsAndWhatComes() {
        LatestWins q = new LatestWins();
        q.submit(0, 0, write("1"));
        CompletableFuture<Void> waiting = q.submit(0, 0, write("2"));
        q.close(new IllegalStateException("gone"));
        assertThat(waiting).isCompletedExceptionally();
        assertThat(q.submit(0, 0, write("3"))).isCompletedExceptionally();
        assertThat(written).containsExactly("1");
    }
}
