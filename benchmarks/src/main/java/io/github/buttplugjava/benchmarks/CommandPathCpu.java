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
 * (all threads, a figure the machine's load does not change) of the same rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.CommandPathCpu}
 */
public final class CommandPathCpu {

    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 11;
    /** Commands per round: enough that the process CPU clock's ticks (often 10 ms) are small against a round. */
    private static final int CLIENT_PER_ROUND = 10_000;
    private static final int DEVICE_PER_ROUND = 200_000;
    private static final long WAIT_SECONDS = 5;

    private CommandPathCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(HubLoadRun.LOG_LEVEL) == null) {
            System.setProperty(HubLoadRun.LOG_LEVEL, "error");
        }
        System.out.printf("command path, process CPU per command; %d cores, load average %.1f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
        long k = 0;
        for (int r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
            long bytes0 = allocatedBytes();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int i = 0; i < perRound; i++, k++) {
                OutputCommand c = OutputCommand.of(OutputType.VIBRATE, (k & 1) == 0 ? 5 : 10);
                var written = rig.toy.expectWrite();
                if (viaClient) {
                    rig.clientDevice().output(0, c);
                } else {
                    rig.device().output(0, c);
                }
                written.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            if (r >= 0) {
                cpu[r] = (os.getProcessCpuTime() - cpu0) / 1e3 / perRound;
                wall[r] = (System.nanoTime() - wall0) / 1e3 / perRound;
                allocated[r] = (double) (allocatedBytes() - bytes0) / perRound;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        Arrays.sort(allocated);
        System.out.printf("%-8s %-14s CPU %8.2f us/command   wall %8.2f us/command   heap %7.0f B/command"
                        + " (medians of %d rounds of %d)%n",
                model, cut, cpu[ROUNDS / 2], wall[ROUNDS / 2], allocated[ROUNDS / 2], ROUNDS, perRound);
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
