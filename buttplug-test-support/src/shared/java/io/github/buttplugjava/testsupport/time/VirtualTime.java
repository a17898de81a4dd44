package io.github.buttplugjava.testsupport.time;

import io.github.buttplugjava.core.Scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Time that moves only when a test says so: a {@link Clock} and a {@link ScheduledExecutorService}
 * on one virtual timeline. Scheduled tasks run on the thread that calls {@link #advance}, in due
 * order, each with the clock showing its due time; nothing runs between two advances. Hand a
 * library component {@link #scheduling()} and its deadlines, pings, expiries, intervals and
 * backoffs follow this clock instead of the wall clock of a loaded machine (the library's internal
 * latest-wins slots: {@code Pacer.of(time.scheduling())}). Uses the public API of buttplug-core only.
 *
 * <p>Tasks the library hands on from the scheduler (to its executor) run on real threads: after an
 * advance, wait for their effect (with a generous bound) rather than for time.
 */
public final class VirtualTime {

    /** Where every virtual timeline starts: 2030-01-01T00:00:00Z. */
    public static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private final VirtualScheduler scheduler = new VirtualScheduler(this);
    private final Clock clock = new VirtualClock(ZoneOffset.UTC);
    private volatile long elapsedNanos;

    /**
     * The virtual clock.
     *
     * @return a clock reading {@link #now()}
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The virtual scheduler: tasks run when {@link #advance} passes their due time.
     *
     * @return the scheduler
     */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * The library's default executor with this scheduler and clock.
     *
     * @return a scheduling on virtual time
     */
    public Scheduling scheduling() {
        return scheduling(Scheduling.defaults().executor());
    }

    /**
     * {@code executor} with this scheduler and clock.
     *
     * @param executor where tasks handed on from the scheduler run
     * @return a scheduling on virtual time
     */
    public Scheduling scheduling(Executor executor) {
        return Scheduling.of(executor, scheduler, clock);
    }

    /**
     * Now on the virtual timeline.
     *
     * @return {@link #START} plus the time advanced so far
     */
    public Instant now() {
        return START.plusNanos(elapsedNanos);
    }

    /**
     * Time advanced so far.
     *
     * @return the nanoseconds since {@link #START}
     */
    public long elapsedNanos() {
        return elapsedNanos;
    }

    /**
     * Moves time forward by {@code by}, running every task that falls due on the way, in order
     * (tasks due at the same time in the order they were scheduled). A task scheduled by a task
     * runs in the same advance when it falls due within it.
     *
     * @param by how far; zero runs the tasks due now
     * @throws IllegalArgumentException when {@code by} is negative
     * @throws AssertionError when tasks keep scheduling themselves without end
     */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time does not go back");
        }
        scheduler.runUntil(elapsedNanos + by.toNanos());
    }

    /**
     * Same as {@code advance(Duration.ofMillis(ms))}.
     *
     * @param ms how far, in milliseconds
     */
    public void advanceMillis(long ms) {
        advance(Duration.ofMillis(ms));
    }

    /**
     * Moves time forward to the next scheduled task and runs what is due then.
     *
     * @return how far time moved; {@link Duration#ZERO} when nothing is scheduled
     */
    public Duration advanceToNext() {
        long next = scheduler.nextDueNanos();
        if (next < 0) {
            return Duration.ZERO;
        }
        long by = Math.max(0, next - elapsedNanos);
        advance(Duration.ofNanos(by));
        return Duration.ofNanos(by);
    }

    /**
     * Tasks waiting for their time (periodic ones count once).
     *
     * @return how many
     */
    public int pending() {
        return scheduler.pending();
    }

    /**
     * The delay of the next scheduled task.
     *
     * @return how long until the next task is due, or empty when none is scheduled
     */
    public java.util.Optional<Duration> nextDelay() {
        long next = scheduler.nextDueNanos();
        return next < 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofNanos(Math.max(0, next - elapsedNanos)));
    }

    /**
     * Waits (on the wall clock, up to {@code bound}) until some task is scheduled due within
     * {@code within} from now: for a deadline that the library arms on one of its own threads,
     * so that the test advances only once it is armed. A failure detector, not a measurement.
     *
     * @param within how soon the awaited task is due, at most
     * @param bound  the longest real wait
     * @throws AssertionError when no such task is scheduled within {@code bound}
     */
    public void awaitScheduledWithin(Duration within, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            java.util.Optional<Duration> next = nextDelay();
            if (next.isPresent() && next.get().compareTo(within) <= 0) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no task due within " + within + " was scheduled in " + bound
                        + "; next: " + next.map(Duration::toString).orElse("none"));
            }
            LockSupport.parkNanos(1_000_000); // bounded poll-until loop
        }
    }

    void moveTo(long nanos) {
        elapsedNanos = nanos;
    }

    long nanosFromNow(long delay, TimeUnit unit) {
        return elapsedNanos + Math.max(0, unit.toNanos(delay));
    }

    private final class VirtualClock extends Clock {
        private final ZoneId zone;

        VirtualClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new VirtualClock(zone);
        }

        @Override
        public Instant instant() {
            return now();
        }

        @Override
        public String toString() {
            return "VirtualTime.clock[" + now() + "]";
        }
    }
}
