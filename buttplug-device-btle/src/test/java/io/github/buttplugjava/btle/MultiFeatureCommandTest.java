package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.btle.sim.SimulatedBle;
import io.github.buttplugjava.btle.sim.SimulatedWrite;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client message that sets several features reaches the protocol handler as one batch, so a
 * one-frame protocol (We-Vibe) writes one frame. The device source runs with no batching window
 * (the timer always "misses"): the batch boundary is the client message, not a timer.
 */
class MultiFeatureCommandTest {

    private static final HexFormat HEX = HexFormat.of();

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> writes = new LinkedBlockingQueue<>();
    private SimulatedAdapter adapter;
    private BleDeviceSource source;
    private ButtplugServer server;
    private InProcessConnector client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (source != null) {
            source.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        executor.shutdownNow();
    }

    /** Connects a spec {@code version} session to a server over one simulated We-Vibe 4 Plus, past its init writes. */
    private void connect(int version) throws Exception {
        DeviceConfiguration config = DeviceConfiguration.bundled();
        adapter = SimulatedBle.adapter(List.of("wevibe"), config, executor);
        adapter.addWriteListener((SimulatedWrite w) -> writes.add(HEX.formatHex(w.data())));
        source = new BleDeviceSource(adapter, config, Protocols.builtIn(), executor, Duration.ZERO);
        server = ButtplugServer.builder(DeviceManager.of(source)).name("atomic").build();
        InProcessConnector.Pair pair = InProcessConnector.pair();
        server.serve(pair.server());
        client = pair.client();
        client.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                frames.add(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        }).get(2, TimeUnit.SECONDS);
        String hello = version == 4
                ? "{\"Id\":1,\"ClientName\":\"t\",\"ProtocolVersionMajor\":4,\"ProtocolVersionMinor\":0}"
                : "{\"Id\":1,\"ClientName\":\"t\",\"MessageVersion\":" + version + "}";
        send("[{\"RequestServerInfo\":" + hello + "}]", "ServerInfo");
        send("[{\"StartScanning\":{\"Id\":2}}]", "Ok");
        // init: the protocol's handshake write, then the stop that gives the keepalive a frame
        assertThat(writes.poll(5, TimeUnit.SECONDS)).isEqualTo("0f03009900030000");
        assertThat(writes.poll(5, TimeUnit.SECONDS)).isEqualTo("0f00000000000000");
        awaitFrame("WeVibe 4 Plus"); // DeviceAdded (v1..v3) or DeviceList (v4)
    }

    private void send(String frame, String expected) throws Exception {
        client.send(frame);
        awaitFrame(expected);
    }

    private void awaitFrame(String expected) throws Exception {
        List<String> seen = new ArrayList<>();
        String frame;
        while ((frame = frames.poll(5, TimeUnit.SECONDS)) != null) {
            if (frame.contains(expected)) {
                return;
            }
            seen.add(frame);
        }
        throw new AssertionError("no " + expected + " frame; got " + seen);
    }

    /** Every write made until the device is quiet (the reply has come, so every write is queued). */
    private List<String> writesAfterReply() throws Exception {
        List<String> out = new ArrayList<>();
        String w;
        while ((w = writes.poll(300, TimeUnit.MILLISECONDS)) != null) {
            out.add(w);
        }
        return out;
    }

    @Test
    void aV3ScalarCmdWithTwoScalarsIsOneFrame() throws Exception {
        connect(3);
        send("[{\"ScalarCmd\":{\"Id\":3,\"DeviceIndex\":0,\"Scalars\":["
                + "{\"Index\":0,\"Scalar\":0.5,\"ActuatorType\":\"Vibrate\"},"
                + "{\"Index\":1,\"Scalar\":0.25,\"ActuatorType\":\"Vibrate\"}]}}]", "Ok");
        // the reference writes exactly this one frame (upstream test_wevibe_4plus.yaml)
        assertThat(writesAfterReply()).containsExactly("0f03008400030000");
    }

    @Test
    void aV1VibrateCmdWithTwoSpeedsIsOneFrame() throws Exception {
        connect(1);
        send("[{\"VibrateCmd\":{\"Id\":3,\"DeviceIndex\":0,\"Speeds\":["
                + "{\"Index\":0,\"Speed\":0.75},{\"Index\":1,\"Speed\":0.5}]}}]", "Ok");
        assertThat(writesAfterReply()).containsExactly("0f0300c800030000");
    }

    @Test
    void aStopOfTheWholeDeviceIsOneFrame() throws Exception {
        connect(4);
        send("[{\"OutputCmd\":{\"Id\":3,\"DeviceIndex\":0,\"FeatureIndex\":0,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]", "Ok");
        send("[{\"OutputCmd\":{\"Id\":4,\"DeviceIndex\":0,\"FeatureIndex\":1,\"Command\":{\"Vibrate\":{\"Value\":10}}}}]", "Ok");
        assertThat(writesAfterReply()).hasSizeBetween(1, 2);
        send("[{\"StopCmd\":{\"Id\":5,\"DeviceIndex\":0,\"Inputs\":true,\"Outputs\":true}}]", "Ok");
        assertThat(writesAfterReply()).containsExactly("0f00000000000000");
    }
}
