package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.btle.protocol.HardwareCommand;
import io.github.buttplugjava.btle.protocol.ProtocolHandler;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of one output command from a client {@code OutputCmd} to the endpoint write, for a Lovense
 * and a We-Vibe over the simulated BLE backend, in three cuts:
 * <ul>
 *   <li>{@code clientToWrite}: ButtplugClient, codec, InProcessConnector, ButtplugServer, DeviceManager
 *       (timing gate), BLE device (range check, repeat drop, handler, batcher), simulated peripheral:
 *       time until the write reaches the peripheral;</li>
 *   <li>{@code clientToOk}: the same, until the client's future completes with the server's Ok;</li>
 *   <li>{@code deviceToWrite}: from the BLE device's {@code output} to the peripheral (no server);</li>
 *   <li>{@code handlerOnly}: {@link ProtocolHandler#output} alone, command to write list, no I/O.</li>
 * </ul>
 * Each call alternates between two values, so the "only changed values are written" rule never
 * drops a command. Both toys have no message gap in the configuration, so nothing is held back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CommandPathBenchmark {

    private static final int LOW = 5;
    private static final int HIGH = 10;
    private static final long WAIT_SECONDS = 5;

    /** A full client-to-peripheral rig. */
    @State(Scope.Thread)
    public static class FullPath {
        @Param({"LOVENSE", "WEVIBE"})
        public ToyModel toy;
        CommandPathRig rig;
        boolean high;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            rig = CommandPathRig.full(toy);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            rig.close();
        }

        OutputCommand next() {
            high = !high;
            return OutputCommand.of(OutputType.VIBRATE, high ? HIGH : LOW);
        }
    }

    /** A BLE device without server or client. */
    @State(Scope.Thread)
    public static class DeviceOnly {
        @Param({"LOVENSE", "WEVIBE"})
        public ToyModel toy;
        CommandPathRig rig;
        boolean high;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            rig = CommandPathRig.deviceOnly(toy);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            rig.close();
        }

        OutputCommand next() {
            high = !high;
            return OutputCommand.of(OutputType.VIBRATE, high ? HIGH : LOW);
        }
    }

    /** An initialised protocol handler and no device around it. */
    @State(Scope.Thread)
    public static class HandlerOnly {
        @Param({"LOVENSE", "WEVIBE"})
        public ToyModel toy;
        ProtocolHandler handler;
        OutputCommand low;
        OutputCommand high;
        boolean odd;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            DeviceDefinition definition = DeviceConfiguration.bundled()
                    .definition(toy.protocol(), toy.identifier(), toy.address())
                    .orElseThrow();
            handler = Protocols.builtIn().factory(toy.protocol()).orElseThrow().create(definition);
            handler.initialize(new AcceptingHardware(toy)).get(WAIT_SECONDS, TimeUnit.SECONDS);
            low = OutputCommand.of(OutputType.VIBRATE, LOW);
            high = OutputCommand.of(OutputType.VIBRATE, HIGH);
        }

        OutputCommand next() {
            odd = !odd;
            return odd ? high : low;
        }
    }

    /** Client OutputCmd until the endpoint write arrives at the peripheral. */
    @Benchmark
    public byte[] clientToWrite(FullPath s) throws Exception {
        var written = s.rig.toy.expectWrite();
        s.rig.clientDevice().output(0, s.next());
        return written.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Client OutputCmd until the server's Ok completes the client's future (write included). */
    @Benchmark
    public Object clientToOk(FullPath s) throws Exception {
        var written = s.rig.toy.expectWrite();
        s.rig.clientDevice().output(0, s.next()).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return written.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The BLE device's output until the write arrives at the peripheral. */
    @Benchmark
    public byte[] deviceToWrite(DeviceOnly s) throws Exception {
        var written = s.rig.toy.expectWrite();
        s.rig.device().output(0, s.next());
        return written.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The protocol handler's translation alone. */
    @Benchmark
    public List<HardwareCommand> handlerOnly(HandlerOnly s) {
        return s.handler.output(0, s.next());
    }
}
