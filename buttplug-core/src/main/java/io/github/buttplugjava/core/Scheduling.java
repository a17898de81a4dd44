package io.github.buttplugjava.core;

import io.github.buttplugjava.core.internal.SharedExecutors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * Where the library runs its work and how it reads time: an executor for tasks (used serially by
 * each session, client, link and device), a scheduler for everything that happens later
 * (deadlines, pings, expiries, timing gaps, reconnects) and a clock. Every builder that runs tasks
 * or time takes one ({@code ButtplugServer}, {@code ButtplugClient}, {@code DeviceManager},
 * {@code RemoteServer}, {@code RemoteClient}, {@code GrantFilter}, {@code BleDeviceSource}), so an
 * application can put the whole library on its own threads, and a test on a clock it moves.
 *
 * <pre>{@code
 * Scheduling mine = Scheduling.defaults().withExecutor(myPool);
 * ButtplugClient client = ButtplugClient.builder("my app").scheduling(mine).build();
 * }</pre>
 *
 * <p>Scheduler tasks only hand work to the executor, so one scheduler thread serves the whole
 * library. Intervals (timing gaps, rates, link silence) are measured with {@link #nanoTime()}:
 * {@link System#nanoTime()} when the clock is the system clock, else read from the clock, so a
 * test clock moves them too. Instants (grant expiries) are read from {@link #clock()}.
 *
 * <p>An immutable value; the executors it names are not owned by it (nothing here shuts them down).
 */
public final class Scheduling {

    private static final Scheduling DEFAULTS =
            new Scheduling(SharedExecutors.workers(), SharedExecutors.timers(), Clock.systemUTC());

    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final boolean systemClock;
    private final LongSupplier nanoClock;

    private Scheduling(Executor executor, ScheduledExecutorService scheduler, Clock clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.systemClock = clock.equals(Clock.system(clock.getZone()));
        this.nanoClock = systemClock ? System::nanoTime : this::nanoTime;
    }

    /**
     * The library's defaults: a bounded pool of daemon worker threads, one daemon scheduler thread
     * and the system clock (UTC). Daemon threads, so an application that forgets to close a client
     * or server still exits. See {@code docs/ARCHITECTURE.md} ("Threads and time").
     *
     * @return the shared default scheduling
     */
    public static Scheduling defaults() {
        return DEFAULTS;
    }

    /**
     * A scheduling of the caller's own.
     *
     * @param executor  runs tasks; the library uses it serially per session, client, link and device
     * @param scheduler runs delayed and periodic tasks, which only hand off to {@code executor}
     * @param clock     the time read for instants and, when it is not the system clock, intervals
     * @return the scheduling
     * @throws NullPointerException when any argument is null
     */
    public static Scheduling of(Executor executor, ScheduledExecutorService scheduler, Clock clock) {
        return new Scheduling(executor, scheduler, clock);
    }

    /**
     * The same with another executor.
     *
     * @param executor runs tasks
     * @return a new scheduling
     */
    public Scheduling withExecutor(Executor executor) {
        return new Scheduling(executor, scheduler, clock);
    }

    /**
     * The same with another scheduler.
     *
     * @param scheduler runs delayed and periodic tasks
     * @return a new scheduling
     */
    public Scheduling withScheduler(ScheduledExecutorService scheduler) {
        return new Scheduling(executor, scheduler, clock);
    }

    /**
     * The same with another clock.
     *
     * @param clock the time read
     * @return a new scheduling
     */
    public Scheduling withClock(Clock clock) {
        return new Scheduling(executor, scheduler, clock);
    }

    /**
     * Runs tasks.
     *
     * @return the executor
     */
    public Executor executor() {
        return executor;
    }

    /**
     * Runs what happens later.
     *
     * @return the scheduler
     */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /**
     * Reads time.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Now, for measuring intervals: {@link System#nanoTime()} with the system clock (so setting
     * the system clock never stretches or shrinks an interval), else the clock's instant in
     * nanoseconds. Only differences mean anything.
     *
     * @return the time in nanoseconds
     */
    public long nanoTime() {
        if (systemClock) {
            return System.nanoTime();
        }
        return Duration.between(Instant.EPOCH, clock.instant()).toNanos();
    }

    /**
     * {@link #nanoTime()} as a supplier: one instance per scheduling, so the many objects that keep
     * a clock (a hub holds several per link) share it instead of each holding its own method
     * reference.
     *
     * @return a supplier of {@link #nanoTime()}
     */
    public LongSupplier nanoClock() {
        return nanoClock;
    }

    @Override
    public String toString() {
        return this == DEFAULTS ? "Scheduling.defaults()" : "Scheduling[" + executor + ", " + scheduler + ", " + clock + "]";
    }
}
