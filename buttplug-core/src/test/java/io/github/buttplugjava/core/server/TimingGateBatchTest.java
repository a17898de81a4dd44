package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A multi-feature command held by the timing gap is released whole, merged with what else was held. */
class TimingGateBatchTest {

    /** Keeps the flush the gate schedules; the test runs it (time plays no part). */
    private static final class CapturingScheduler extends ScheduledThreadPoolExecutor {
        final List<Runnable> scheduled = new ArrayList<>();

        CapturingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.add(command);
            return super.schedule(() -> { }, 1, TimeUnit.DAYS);
        }
    }

    private final CapturingScheduler scheduler = new CapturingScheduler();
    private final List<List<FeatureOutput>> sent = new ArrayList<>();
    /** A gap no test outlasts: everything after the first send is held until the test flushes. */
    private final TimingGate gate = new TimingGate(3_600_000, Scheduling.defaults().withScheduler(scheduler), outputs -> {
        sent.add(List.copyOf(outputs));
        return CompletableFuture.completedFuture(null);
    });

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    private static FeatureOutput vibrate(int feature, int value) {
        return new FeatureOutput(feature, OutputCommand.of(OutputType.VIBRATE, value));
    }

    @Test
    void aHeldBatchGoesOnWholeWithTheLatestValues() {
        assertThat(gate.submit(List.of(vibrate(0, 1), vibrate(1, 1)))).isDone();
        CompletableFuture<Void> first = gate.submit(List.of(vibrate(0, 5), vibrate(1, 6)));
        CompletableFuture<Void> second = gate.submit(0, OutputCommand.of(OutputType.VIBRATE, 7));
        assertThat(first).isNotDone();
        assertThat(scheduler.scheduled).hasSize(1);
        scheduler.scheduled.get(0).run();
        assertThat(sent).containsExactly(
                List.of(vibrate(0, 1), vibrate(1, 1)),
                List.of(vibrate(0, 7), vibrate(1, 6)));
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
    }
}
