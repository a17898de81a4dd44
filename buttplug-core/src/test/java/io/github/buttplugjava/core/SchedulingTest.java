package io.github.buttplugjava.core;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingTest {

    @Test
    void defaultsAreSharedDaemonThreadsAndTheSystemClock() throws Exception {
        Scheduling d = Scheduling.defaults();
        assertThat(Scheduling.defaults()).isSameAs(d);
        assertThat(d.clock()).isEqualTo(Clock.systemUTC());
        Thread[] ran = new Thread[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        d.executor().execute(() -> {
            ran[0] = Thread.currentThread();
            done.countDown();
        });
        assertThat(done.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(ran[0].isDaemon()).isTrue();
        assertThat(ran[0].getName()).startsWith("buttplug-worker-");
    }

    @Test
    void withReplacesOnePartAndKeepsTheOthers() {
        VirtualTime time = new VirtualTime();
        Executor direct = Runnable::run;
        Scheduling s = Scheduling.defaults().withScheduler(time.scheduler()).withClock(time.clock()).withExecutor(direct);
        assertThat(s.executor()).isSameAs(direct);
        assertThat(s.scheduler()).isSameAs(time.scheduler());
        assertThat(s.clock()).isSameAs(time.clock());
        assertThat(Scheduling.defaults().executor()).isNotSameAs(direct);
    }

    @Test
    void intervalsFollowATestClockAndTheMonotonicTimeWithTheSystemClock() {
        VirtualTime time = new VirtualTime();
        Scheduling virtual = time.scheduling();
        long before = virtual.nanoTime();
        time.advance(Duration.ofMillis(1234));
        assertThat(virtual.nanoTime() - before).isEqualTo(Duration.ofMillis(1234).toNanos());

        long a = Scheduling.defaults().nanoTime();
        long b = System.nanoTime();
        assertThat(b - a).as("the system clock's intervals come from System.nanoTime()").isBetween(0L, Duration.ofSeconds(5).toNanos());
    }

    @Test
    void theNanoClockIsOneSharedSupplierOfTheSameTime() {
        VirtualTime time = new VirtualTime();
        Scheduling virtual = time.scheduling();
        assertThat(virtual.nanoClock()).as("one instance per scheduling").isSameAs(virtual.nanoClock());
        long before = virtual.nanoClock().getAsLong();
        time.advance(Duration.ofMillis(250));
        assertThat(virtual.nanoClock().getAsLong() - before).isEqualTo(Duration.ofMillis(250).toNanos());
        assertThat(virtual.nanoClock().getAsLong()).isEqualTo(virtual.nanoTime());

        long a = Scheduling.defaults().nanoClock().getAsLong();
        long b = System.nanoTime();
        assertThat(b - a).as("System.nanoTime() with the system clock").isBetween(0L, Duration.ofSeconds(5).toNanos());
    }
}
