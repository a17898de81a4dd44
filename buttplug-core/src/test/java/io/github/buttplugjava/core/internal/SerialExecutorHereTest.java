package io.github.buttplugjava.core.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link SerialExecutor#executeHere}: one task on the caller's thread when the executor is idle,
 * everything else (what was queued before, what is submitted meanwhile) on the backing executor,
 * in order and one at a time.
 */
class SerialExecutorHereTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Runs nothing until the test says so. */
    private static final class Manual implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int pending() {
            return tasks.size();
        }

        void runAll() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = tasks.poll();
                }
                if (next == null) {
                    return;
                }
                next.run();
            }
        }
    }

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anIdleExecutorRunsTheTaskOnTheCallersThreadAndStaysIdle() {
        Manual backing = new Manual();
        SerialExecutor serial = new SerialExecutor(backing);
        List<Thread> ranOn = new ArrayList<>();

        assertThat(serial.executeHere(() -> ranOn.add(Thread.currentThread()))).isTrue();
        assertThat(serial.executeHere(() -> ranOn.add(Thread.currentThread()))).isTrue();

        assertThat(ranOn).containsExactly(Thread.currentThread(), Thread.currentThread());
        assertThat(backing.pending()).isZero();
    }

    @Test
    void aBusyExecutorQueuesTheTaskBehindWhatWaits() {
        Manual backing = new Manual();
        SerialExecutor serial = new SerialExecutor(backing);
        List<String> order = new ArrayList<>();
        serial.execute(() -> order.add("queued first"));

        boolean here = serial.executeHere(() -> order.add("here"), () -> order.add("queued second"));

        assertThat(here).isFalse();
        assertThat(order).isEmpty();
        backing.runAll();
        assertThat(order).containsExactly("queued first", "queued second");
    }

    @Test
    void whatIsSubmittedMeanwhileRunsOnTheBackingExecutorAfterTheTaskInOrder() {
        Manual backing = new Manual();
        SerialExecutor serial = new SerialExecutor(backing);
        List<String> order = new ArrayList<>();

        serial.executeHere(() -> {
            serial.execute(() -> order.add("submitted"));
            serial.executeFirst(() -> order.add("submitted first"));
            assertThat(serial.hasQueued()).isTrue();
            order.add("here");
        });
        order.add("returned");

        assertThat(order).containsExactly("here", "returned");
        assertThat(backing.pending()).isEqualTo(1); // one drain for both
        backing.runAll();
        assertThat(order).containsExactly("here", "returned", "submitted first", "submitted");
        assertThat(serial.hasQueued()).isFalse();
    }

    @Test
    void aCallFromItsOwnTaskIsQueuedNotNested() {
        Manual backing = new Manual();
        SerialExecutor serial = new SerialExecutor(backing);
        List<String> order = new ArrayList<>();
        boolean[] innerHere = new boolean[1];

        serial.executeHere(() -> {
            innerHere[0] = serial.executeHere(() -> order.add("inner"));
            order.add("outer");
        });
        backing.runAll();

        assertThat(innerHere[0]).isFalse();
        assertThat(order).containsExactly("outer", "inner");
    }

    @Test
    void nestingAcrossExecutorsIsBoundedPerThread() {
        int chain = SerialExecutor.MAX_NESTED_HERE + 2;
        Manual backing = new Manual();
        List<SerialExecutor> executors = new ArrayList<>();
        for (int i = 0; i < chain; i++) {
            executors.add(new SerialExecutor(backing));
        }
        List<Boolean> here = new ArrayList<>(Collections.nCopies(chain, (Boolean) null));
        Runnable[] steps = new Runnable[chain];
        for (int i = chain - 1; i >= 0; i--) {
            int next = i + 1;
            steps[i] = () -> {
                if (next < chain) {
                    here.set(next, executors.get(next).executeHere(steps[next]));
                }
            };
        }
        here.set(0, executors.get(0).executeHere(steps[0]));

        for (int i = 0; i < SerialExecutor.MAX_NESTED_HERE; i++) {
            assertThat(here.get(i)).as("step %d", i).isTrue();
        }
        assertThat(here.get(SerialExecutor.MAX_NESTED_HERE)).isFalse(); // queued instead of nested deeper
        backing.runAll();
        assertThat(here.get(SerialExecutor.MAX_NESTED_HERE + 1)).isTrue(); // the queued step ran on the backing
    }

    @Test
    void aTaskThatThrowsIsLoggedAndTheExecutorIsIdleAgain() {
        Manual backing = new Manual();
        SerialExecutor serial = new SerialExecutor(backing);

        assertThat(serial.executeHere(() -> {
            throw new IllegalStateException("expected by the test");
        })).isTrue();

        List<String> ran = new ArrayList<>();
        assertThat(serial.executeHere(() -> ran.add("next"))).isTrue();
        assertThat(ran).containsExactly("next");
    }

    /**
     * A task queued while one runs here waits for something the caller does only after its call
     * returns: it must run on the backing executor, not at the end of the caller's call (where the
     * caller would wait for it forever).
     */
    @Test
    void queuedWorkThatWaitsForTheCallerDoesNotDeadlockIt() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CompletableFuture<Void> callerGoesOn = new CompletableFuture<>();
        CompletableFuture<Thread> waiterRanOn = new CompletableFuture<>();

        assertTimeoutPreemptively(BOUND, () -> {
            serial.executeHere(() -> serial.execute(() -> {
                callerGoesOn.join();
                waiterRanOn.complete(Thread.currentThread());
            }));
        });
        callerGoesOn.complete(null);

        assertThat(waiterRanOn.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread());
    }

    @Test
    void tasksFromManyThreadsRunOneAtATimeAndEachThreadsInOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        int threads = 4;
        int perThread = 2_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        int[] lastSeen = new int[threads];
        List<String> outOfOrder = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(threads * perThread);
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                int caller = t;
                callers.execute(() -> {
                    for (int i = 1; i <= perThread; i++) {
                        int n = i;
                        Runnable task = () -> {
                            if (running.incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            if (lastSeen[caller] != n - 1) { // confined to the serial executor
                                outOfOrder.add(caller + ":" + n + " after " + lastSeen[caller]);
                            }
                            lastSeen[caller] = n;
                            running.decrementAndGet();
                            done.countDown();
                        };
                        if (n % 3 == 0) {
                            serial.execute(task);
                        } else {
                            serial.executeHere(task);
                        }
                    }
                });
            }
            assertThat(done.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            callers.shutdownNow();
            assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(overlaps.get()).isZero();
        assertThat(outOfOrder).isEmpty();
    }
}
