package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.internal.SharedExecutors;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a thread hand-off costs on this machine, with nothing else to do: (1) a token passed back
 * and forth between two {@link SerialExecutor}s over the library's shared worker pool (the hop a
 * client, a session and the in-process pipe make per message) while the pool stays busy, and
 * (2) a caller handing one task to the pool and waiting for it (the pattern of a caller that sends a
 * command and waits for its effect: a parked worker and the parked caller are woken each time).
 * Prints the process CPU and the wall clock per step, medians of 11 rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.HandOffCpu}
 */
public final class HandOffCpu {
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 11;
    private static final int HOPS = 20_000;

    private HandOffCpu() {
    }

    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("thread hand-off between two serial executors; %d cores, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        SerialExecutor left = new SerialExecutor(SharedExecutors.workers());
        SerialExecutor right = new SerialExecutor(SharedExecutors.workers());
        report("chain of hand-offs (pool busy)", os, () -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            left.execute(new Hop(left, right, HOPS, done));
            done.get(60, TimeUnit.SECONDS);
        });
        report("caller -> pool -> caller, waiting", os, () -> {
            for (int i = 0; i < HOPS; i++) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                left.execute(() -> done.complete(null));
                done.get(60, TimeUnit.SECONDS);
            }
        });
        System.exit(0);
    }

    /** Runs {@code round} (HOPS steps) in rounds and prints the medians per step. */
    private static void report(String what, com.sun.management.OperatingSystemMXBean os, Round round)
            throws Exception {
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        for (int r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            round.run();
            if (r >= 0) {
                cpu[r] = (os.getProcessCpuTime() - cpu0) / 1e3 / HOPS;
                wall[r] = (System.nanoTime() - wall0) / 1e3 / HOPS;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("%-36s CPU %6.2f us/step   wall %6.2f us/step (medians of %d rounds of %d)%n",
                what, cpu[ROUNDS / 2], wall[ROUNDS / 2], ROUNDS, HOPS);
    }

    /** One round of steps. */
    private interface Round {
        void run() throws Exception;
    }

    /** One hop: runs on {@code here}, then hands the rest of the chain to {@code there}. */
    private record Hop(SerialExecutor here, SerialExecutor there, int left, CompletableFuture<Void> done)
            implements Runnable {
        @Override
        public void run() {
            if (left == 0) {
                done.complete(null);
            } else {
                there.execute(new Hop(there, here, left - 1, done));
            }
        }
    }
}
