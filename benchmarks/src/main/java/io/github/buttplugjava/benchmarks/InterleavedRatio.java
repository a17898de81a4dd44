package io.github.buttplugjava.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.V4ClientReader;
import io.github.buttplugjava.core.codec.internal.V4ServerReader;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.StopCmd;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * A cross-check of the JMH figures for a shared, overloaded machine: runs batches of the bare
 * {@code readTree} and of the codec's decode alternately in one thread and compares the medians of
 * their thread CPU time, so time the thread spends descheduled does not count and both sides see
 * the same machine state. Prints ns/op per side and the ratios to readTree of the decode (streaming
 * path for the hot messages), of the tree path alone (the decode before the streaming path) and of
 * decode + encode.
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
        Map<String, Message> frames = new LinkedHashMap<>();
        frames.put("OutputCmd frame", new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10)));
        frames.put("OutputCmd position", new OutputCmd(7, 3, 1, OutputCommand.positionWithDuration(80, 500)));
        frames.put("InputCmd", new InputCmd(2, 0, 2, InputType.BATTERY, InputCommandType.READ));
        frames.put("StopCmd", new StopCmd(3, OptionalInt.of(1), OptionalInt.empty(), true, true));
        frames.put("Ping", new Ping(4));
        frames.put("Ok", new Ok(5));
        frames.put("InputReading", new InputReading(6, 0, 2, InputType.BATTERY, 87));
        frames.put("10-device DeviceList", CodecBenchmark.tenDevices());
        for (Map.Entry<String, Message> e : frames.entrySet()) {
            String frame = codec.encode(List.of(e.getValue()));
            int batch = e.getValue() instanceof DeviceList ? 1_000 : 20_000;
            compare(e.getKey(), batch, () -> bare.readTree(frame), () -> codec.decode(frame),
                    () -> treeDecode(frame), () -> codec.encode(codec.decode(frame)));
        }
    }

    /** The tree path alone (what {@code JsonCodec.decode} did for every frame before the streaming path). */
    private static List<Message> treeDecode(String frame) {
        List<Message> out = new ArrayList<>(1);
        for (WireEntry entry : FrameReader.read(frame, 1 << 20)) {
            out.add(V4ClientReader.NAMES.contains(entry.name())
                    ? V4ClientReader.read(entry.name(), entry.body())
                    : V4ServerReader.read(entry.name(), entry.body()));
        }
        return out;
    }

    private static void compare(String what, int batch, Callable<?> readTree, Callable<?> decode,
                                Callable<?> tree, Callable<?> decodeEncode) throws Exception {
        for (int i = 0; i < 20; i++) { // warm-up: let C2 compile all four
            run(readTree, batch);
            run(decode, batch);
            run(tree, batch);
            run(decodeEncode, batch);
        }
        double[] bareTree = new double[ROUNDS];
        double[] dec = new double[ROUNDS];
        double[] treeDec = new double[ROUNDS];
        double[] both = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            bareTree[r] = run(readTree, batch);
            dec[r] = run(decode, batch);
            treeDec[r] = run(tree, batch);
            both[r] = run(decodeEncode, batch);
        }
        double t = median(bareTree);
        double d = median(dec);
        double o = median(treeDec);
        double b = median(both);
        System.out.printf("%-22s readTree %8.0f ns | decode %8.0f ns (%.2fx) | tree-path decode %8.0f ns (%.2fx)"
                        + " | decode+encode %8.0f ns (%.2fx)%n", what, t, d, d / t, o, o / t, b, b / t);
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
