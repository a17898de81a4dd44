package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.internal.Pacer;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.ListSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Grant intervals are held at the agent, measured at the toy, on a clock the test moves. */
class GrantIntervalTest {

    /** A vibrator whose writes take {@code writeMs} of the test's time; it records when each started and ended. */
    static final class TimedToy implements Device {
        record Write(int value, long startNanos, long endNanos) {
        }

        final Pacer time;
        final long writeNanos;
        final List<Write> writes = new ArrayList<>();
        final List<Long> stops = new ArrayList<>();

        TimedToy(Pacer time, long writeMs) {
            this.time = time;
            this.writeNanos = TimeUnit.MILLISECONDS.toNanos(writeMs);
        }

        @Override
        public String identifier() {
            return "toy";
        }

        @Override
        public String name() {
            return "Timed Toy";
        }

        @Override
        public List<DeviceFeature> features() {
            return List.of(new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()));
        }

        @Override
        public synchronized CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            long start = time.nanos();
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (command.value() == 0) {
                stops.add(start);
                done.complete(null);
                return done;
            }
            time.after(writeNanos, () -> {
                synchronized (this) {
                    writes.add(new Write(command.value(), start, time.nanos()));
                }
                done.complete(null);
            });
            return done;
        }

        @Override
        public CompletableFuture<Integer> read(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletableFuture<Void> stop() {
            stops.add(time.nanos());
            return CompletableFuture.completedFuture(null);
        }
    }

    private final VirtualTime virtual = new VirtualTime();
    private final Pacer time = Pacer.of(virtual.scheduling());
    private final ListSource source = new ListSource();
    private final EventRecorder recorder = new EventRecorder();
    private GrantFilter filter;

    @BeforeEach
    void start() {
        filter = new GrantFilter(source, virtual.scheduling());
        filter.start(recorder);
    }

    @AfterEach
    void close() {
        filter.close();
    }

    private Device share(TimedToy toy, Duration interval) throws Exception {
        source.add(toy);
        filter.share(toy.identifier(), DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1.0))
                .withMinInterval(interval)).get(2, TimeUnit.SECONDS);
        return recorder.next().device();
    }

    @Test
    void aFastControllerNeverMakesTheToySeeTwoCommandsCloserThanTheInterval() throws Exception {
        TimedToy toy = new TimedToy(time, 5);
        Device d = share(toy, Duration.ofMillis(100));
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) { // a command every 1 ms for 2 s
            sent.add(d.output(0, OutputCommand.of(OutputType.VIBRATE, 1 + i % 20)));
            virtual.advanceMillis(1);
        }
        sent.add(d.output(0, OutputCommand.of(OutputType.VIBRATE, 17)));
        virtual.advanceMillis(1_000);

        assertThat(sent).allMatch(CompletableFuture::isDone).noneMatch(CompletableFuture::isCompletedExceptionally);
        List<TimedToy.Write> w = toy.writes;
        assertThat(w.size()).isBetween(15, 25); // one write per ~105 ms, not 2,000
        for (int i = 1; i < w.size(); i++) {
            assertThat(w.get(i).startNanos() - w.get(i - 1).endNanos())
                    .as("gap between write %d and %d", i - 1, i).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        }
        assertThat(w.get(w.size() - 1).value()).isEqualTo(17);
    }

    @Test
    void aStopPassesAtOnceAndDropsTheHeldCommand() throws Exception {
        TimedToy toy = new TimedToy(time, 0);
        Device d = share(toy, Duration.ofSeconds(30));
        d.output(0, OutputCommand.of(OutputType.VIBRATE, 5));
        virtual.advanceMillis(1);
        CompletableFuture<Void> held = d.output(0, OutputCommand.of(OutputType.VIBRATE, 6));
        virtual.advanceMillis(1);
        assertThat(held).isNotDone();
        CompletableFuture<Void> stop = d.output(0, OutputCommand.of(OutputType.VIBRATE, 0));
        assertThat(stop).isCompleted();
        assertThat(held).isCompleted(); // superseded by the stop, with its result
        virtual.advanceMillis(60_000);
        assertThat(toy.writes).extracting(TimedToy.Write::value).containsExactly(5);
        assertThat(toy.stops).hasSize(1);
    }

    @Test
    void stopOfTheDeviceDropsWhatIsHeld() throws Exception {
        TimedToy toy = new TimedToy(time, 0);
        Device d = share(toy, Duration.ofSeconds(30));
        d.output(0, OutputCommand.of(OutputType.VIBRATE, 5));
        virtual.advanceMillis(1);
        CompletableFuture<Void> held = d.output(0, OutputCommand.of(OutputType.VIBRATE, 6));
        d.stop().get(1, TimeUnit.SECONDS);
        assertThat(held).isCompleted();
        virtual.advanceMillis(60_000);
        assertThat(toy.writes).extracting(TimedToy.Write::value).containsExactly(5);
    }

    @Test
    void aHeldCommandIsNotDeliveredOnceTheGrantEnded() throws Exception {
        TimedToy toy = new TimedToy(time, 0);
        Device d = share(toy, Duration.ofSeconds(1));
        d.output(0, OutputCommand.of(OutputType.VIBRATE, 5));
        CompletableFuture<Void> held = d.output(0, OutputCommand.of(OutputType.VIBRATE, 6));
        filter.revoke(toy.identifier()).get(2, TimeUnit.SECONDS);
        virtual.advanceMillis(5_000);
        assertThat(held).isCompletedExceptionally();
        assertThat(toy.writes).extracting(TimedToy.Write::value).containsExactly(5);
    }
}
