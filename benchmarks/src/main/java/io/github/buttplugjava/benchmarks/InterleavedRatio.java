package io.github.buttplugjava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A cross-check of the JMH figures for a shared, overloaded machine: runs batches of the bare
 * {@code readTree} and of the codec's decode alternately in one thread and compares the medians of
 * their thread CPU time, so time the thread spends descheduled does not count and both sides see
 * the same machine state. Prints ns/op per side and the ratio decode / readTree.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.buttplugjava.benchmarks.InterleavedRatio}
 */
public final class InterleavedRatio {
    private static final int ROUNDS = 41;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InterleavedRatio() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper bare = new ObjectMapper();
        JsonCodec codec = new JsonCodec();
        String outputCmd = codec.encode(List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10))));
        String deviceList = codec.encode(List.of(CodecBenchmark.tenDevices()));
        compare("OutputCmd frame", 20_000, () -> bare.readTree(outputCmd), () -> codec.decode(outputCmd),
                () -> codec.encode(codec.decode(outputCmd)));
        compare("10-device DeviceList", 1_000, () -> bare.readTree(deviceList), () -> codec.decode(deviceList),
                () -> codec.encode(codec.decode(deviceList)));
    }

    private static void compare(String what, int batch, Callable<?> readTree, Callable<?> decode,
                                Callable<?> decodeEncode) throws Exception {
        for (int i = 0; i < 20; i++) { // warm-up: let C2 compile all three
            run(readTree, batch);
            run(decode, batch);
            run(decodeEncode, batch);
        }
        double[] tree = new double[ROUNDS];
        double[] dec = new double[ROUNDS];
        double[] both = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            tree[r] = run(readTree, batch);
            dec[r] = run(decode, batch);
            both[r] = run(decodeEncode, batch);
        }
        double t = median(tree);
        double d = median(dec);
        double b = median(both);
        System.out.printf("%-22s readTree %9.0f ns/op | decode %9.0f ns/op (%.2fx) | decode+encode %9.0f ns/op (%.2fx)%n",
                what, t, d, d / t, b, b / t);
    }

    private static double run(Callable<?> op, int batch) throws Exception {
        Object sink = null;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < batch; i++) {
            sink = op.call();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return (double) cpu / batch;
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
