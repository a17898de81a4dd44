package io.github.buttplugjava.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.codec.Decoded;
import io.github.buttplugjava.core.codec.JsonCodec;
import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.V4ClientReader;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.codec.ServerCodec;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The codec against a bare Jackson {@code readTree} of the same text, for a one-feature OutputCmd
 * frame and a 10-device v4 DeviceList. "decode" is the full decode to v4 records (JsonCodec);
 * "serverDecode" is what a server session runs per frame (ServerCodec, v4 negotiated).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
    private final ObjectMapper bare = new ObjectMapper();
    private final JsonCodec codec = new JsonCodec();
    private ServerCodec server;
    private String outputCmdFrame;
    private String deviceListFrame;
    private List<Message> outputCmd;
    private List<Message> deviceList;

    @Setup
    public void setUp() {
        outputCmd = List.of(new OutputCmd(1, 0, 0, OutputCommand.of(OutputType.VIBRATE, 10)));
        outputCmdFrame = codec.encode(outputCmd);
        deviceList = List.of(tenDevices());
        deviceListFrame = codec.encode(deviceList);
        server = new ServerCodec(() -> new DeviceList(0, List.of()), ServerCodec.DEFAULT_MAX_FRAME_CHARS);
        server.decode("[{\"RequestServerInfo\":{\"Id\":1,\"ClientName\":\"bench\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0}}]");
    }

    static DeviceList tenDevices() {
        List<DeviceInfo> devices = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            devices.add(new DeviceInfo(i, "Device " + i, i % 2 == 0 ? null : "Toy " + i, 50, List.of(
                    new DeviceFeature(0, "Vibrator", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()),
                    new DeviceFeature(1, "Rotator", Map.of(OutputType.ROTATE, OutputLimits.of(new Range(-20, 20))), Map.of()),
                    new DeviceFeature(2, "Battery", Map.of(),
                            Map.of(InputType.BATTERY, InputLimits.of(Range.upTo(100), InputCommandType.READ))))));
        }
        return new DeviceList(1, devices);
    }

    @Benchmark
    public JsonNode outputCmdReadTree() throws IOException {
        return bare.readTree(outputCmdFrame);
    }

    @Benchmark
    public List<Message> outputCmdDecode() {
        return codec.decode(outputCmdFrame);
    }

    @Benchmark
    public Message outputCmdTreePathDecode() {
        WireEntry entry = FrameReader.read(outputCmdFrame, 1 << 20).get(0);
        return V4ClientReader.read(entry.name(), entry.body());
    }

    @Benchmark
    public List<Decoded> outputCmdServerDecode() {
        return server.decode(outputCmdFrame);
    }

    @Benchmark
    public String outputCmdEncode() {
        return codec.encode(outputCmd);
    }

    @Benchmark
    public String outputCmdDecodeEncode() {
        return codec.encode(codec.decode(outputCmdFrame));
    }

    @Benchmark
    public JsonNode deviceListReadTree() throws IOException {
        return bare.readTree(deviceListFrame);
    }

    @Benchmark
    public List<Message> deviceListDecode() {
        return codec.decode(deviceListFrame);
    }

    @Benchmark
    public String deviceListEncode() {
        return codec.encode(deviceList);
    }

    @Benchmark
    public String deviceListDecodeEncode() {
        return codec.encode(codec.decode(deviceListFrame));
    }
}
