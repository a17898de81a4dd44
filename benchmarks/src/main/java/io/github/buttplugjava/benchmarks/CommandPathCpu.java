package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A cross-check of the command-path JMH figures for a shared, overloaded machine: the CPU time the
 * whole process spends per command (all threads: client, pipe, server, device, toy), which does not
 * count time spent waiting to be scheduled. For each toy and each cut (client to write, device to
 * write), runs rounds of commands one at a time and prints the median CPU microseconds per command,
 * the median wall-clock microseconds per command and the median heap bytes allocated per command
 * (all threads, a figure the machine's load does not change) of the same rounds, then the worst
 * round's CPU and wall figures and how many rounds cost more than {@value #GOAL_US} µs of CPU per
 * command (issue #17's goal for the client cut, which must hold in every round, not only the median).
 * A second line splits the CPU of the same rounds by who spent it: the calling thread (the whole
 * command when it runs on the caller's thread), the other Java threads (the library's pool: the
 * queued path) and the JVM's own threads (process CPU minus all Java threads: garbage collection,
 * the JIT compilers), with the garbage-collection pauses and JIT time of each round, for the
 * median and for the worst round.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.CommandPathCpu [warm-up rounds [kick]]}
 * (default {@value #WARMUP_ROUNDS} warm-up rounds per cut before the {@value #ROUNDS} measured ones). With
 * {@code kick} N &gt; 0, every N client commands a second thread sends one command of its own at the
 * same moment, so the benchmark's next command may find the client busy and take the queued path
 * (issue #17's "queued mode": whether the client stays there, the "pool" CPU shows).
 */
public final class CommandPathCpu {

    private static final int WARMUP_ROUNDS = 5;
    private static int warmupRounds = WARMUP_ROUNDS;
    /** Every how many client commands a second thread sends one at the same time; 0: never. */
    private static int kickEvery;
    private static final java.util.concurrent.ExecutorService KICKER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kicker");
        t.setDaemon(true);
        return t;
    });
    private static final int ROUNDS = 11;
    /** Commands per round: enough that the process CPU clock's ticks (often 10 ms) are small against a round. */
    private static final int CLIENT_PER_ROUND = 10_000;
    private static final int DEVICE_PER_ROUND = 200_000;
    private static final long WAIT_SECONDS = 5;
    /** Issue #17's goal for a client command, in CPU µs: rounds above it are counted. */
    private static final int GOAL_US = 15;

    private CommandPathCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            warmupRounds = Integer.parseInt(args[0]);
        }
        if (args.length > 1) {
            kickEvery = Integer.parseInt(args[1]);
        }
        if (System.getProperty(HubLoadRun.LOG_LEVEL) == null) {
            System.setProperty(HubLoadRun.LOG_LEVEL, "error");
        }
        System.out.printf("command path, process CPU per command; %d cores, load average %.1f, %d warm-up rounds,"
                        + " kick every %d client commands%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), warmupRounds, kickEvery);
        for (ToyModel model : ToyModel.values()) {
            try (CommandPathRig rig = CommandPathRig.full(model)) {
                report(model, "clientToWrite", rig, true);
            }
            try (CommandPathRig rig = CommandPathRig.deviceOnly(model)) {
                report(model, "deviceToWrite", rig, false);
            }
        }
        System.exit(0);
    }

    private static void report(ToyModel model, String cut, CommandPathRig rig, boolean viaClient) throws Exception {
        int perRound = viaClient ? CLIENT_PER_ROUND : DEVICE_PER_ROUND;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpu = new double[ROUNDS];
        double[] wall = new double[ROUNDS];
        double[] allocated = new double[ROUNDS];
        double[] caller = new double[ROUNDS];
        double[] pool = new double[ROUNDS];
        double[] jvm = new double[ROUNDS];
        long[] gcPauses = new long[ROUNDS];
        long[] gcMs = new long[ROUNDS];
        long[] jitMs = new long[ROUNDS];
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        long k = 0;
        for (int r = -warmupRounds; r < ROUNDS; r++) {
            long bytes0 = allocatedBytes();
            long gcCount0 = gcCount();
            long gcMs0 = gcMillis();
            long jit0 = jit.getTotalCompilationTime();
            long java0 = javaThreadsCpu();
            long caller0 = threads.getCurrentThreadCpuTime();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < perRound; i++, k++) {
                OutputCommand c = OutputCommand.of(OutputType.VIBRATE, (k & 1) == 0 ? 5 : 10);
                var written = rig.toy.expectWrite();
                if (viaClient && kickEvery > 0 && i % kickEvery == 0) {
                    // a level of its own (7): a level equal to the toy's current one is not written again
                    KICKER.execute(() -> rig.clientDevice().output(0, OutputCommand.of(OutputType.VIBRATE, 7)));
                }
                if (viaClient) {
                    rig.clientDevice().output(0, c);
                } else {
                    rig.device().output(0, c);
                }
                written.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            if (r >= 0) {
                long wall1 = System.nanoTime();
                long cpu1 = os.getProcessCpuTime();
                long caller1 = threads.getCurrentThreadCpuTime();
                long java1 = javaThreadsCpu();
                cpu[r] = (cpu1 - cpu0) / 1e3 / perRound;
                wall[r] = (wall1 - wall0) / 1e3 / perRound;
                allocated[r] = (double) (allocatedBytes() - bytes0) / perRound;
                caller[r] = (caller1 - caller0) / 1e3 / perRound;
                pool[r] = Math.max(0, (java1 - java0) - (caller1 - caller0)) / 1e3 / perRound;
                jvm[r] = Math.max(0, (cpu1 - cpu0) - (java1 - java0)) / 1e3 / perRound;
                gcPauses[r] = gcCount() - gcCount0;
                gcMs[r] = gcMillis() - gcMs0;
                jitMs[r] = jit.getTotalCompilationTime() - jit0;
            }
        }
        int worst = 0;
        for (int r = 1; r < ROUNDS; r++) {
            if (cpu[r] > cpu[worst]) {
                worst = r;
            }
        }
        String worstSplit = String.format("caller %.2f, pool %.2f, JVM %.2f us/command, %d GC pauses %d ms, JIT %d ms",
                caller[worst], pool[worst], jvm[worst], gcPauses[worst], gcMs[worst], jitMs[worst]);
        int overGoal = 0;
        for (double c : cpu) {
            if (c > GOAL_US) {
                overGoal++;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        Arrays.sort(allocated);
        System.out.printf("%-8s %-14s CPU %8.2f us/command   wall %8.2f us/command   heap %7.0f B/command"
                        + " (medians of %d rounds of %d)   worst round: CPU %7.2f, wall %8.2f us/command;"
                        + " rounds over %d us CPU: %d%n",
                model, cut, cpu[ROUNDS / 2], wall[ROUNDS / 2], allocated[ROUNDS / 2], ROUNDS, perRound,
                cpu[ROUNDS - 1], wall[ROUNDS - 1], GOAL_US, overGoal);
        long[] gcMsSorted = gcMs.clone();
        long[] jitSorted = jitMs.clone();
        Arrays.sort(caller);
        Arrays.sort(pool);
        Arrays.sort(jvm);
        Arrays.sort(gcMsSorted);
        Arrays.sort(jitSorted);
        System.out.printf("%-8s %-14s split (medians): caller %.2f, pool %.2f, JVM %.2f us/command, GC %d ms, JIT %d ms"
                        + " per round; caller worst %.2f, pool worst %.2f;   worst round: %s%n",
                model, cut, caller[ROUNDS / 2], pool[ROUNDS / 2], jvm[ROUNDS / 2], gcMsSorted[ROUNDS / 2],
                jitSorted[ROUNDS / 2], caller[ROUNDS - 1], pool[ROUNDS - 1], worstSplit);
    }

    /** CPU nanoseconds of every live Java thread (not the JVM's GC and compiler threads). */
    private static long javaThreadsCpu() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long ns : threads.getThreadCpuTime(threads.getAllThreadIds())) {
            total += Math.max(0, ns);
        }
        return total;
    }

    /** Garbage collections so far, all collectors. */
    private static long gcCount() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    /** Milliseconds of garbage collection so far (as the collectors report it), all collectors. */
    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /**
     * Bytes allocated so far by the threads alive now, all of them (client, pipe, server, device, toy);
     * the library's pool threads live through a round, so the difference over a round is its allocation.
     */
    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }
}
