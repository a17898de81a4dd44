package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * One simulated BLE toy behind the real stack, in process: a {@link BleDeviceSource} over a
 * {@link SimulatedAdapter} whose peripheral runs a {@link RecordingToy}, then either (full) a
 * {@link DeviceManager}, {@link ButtplugServer} and {@link ButtplugClient} joined by an
 * {@link InProcessConnector}, or (device only) the source's {@link Device} itself.
 *
 * <p>The source's batching window is zero, so a command is written as soon as it is translated;
 * with the default 5 ms window every command would wait those 5 ms first.
 */
final class CommandPathRig implements AutoCloseable {

    private static final long SETUP_SECONDS = 10;

    final RecordingToy toy;
    private final SimulatedAdapter adapter;
    private final BleDeviceSource source;
    private final DeviceManager manager;
    private final ButtplugServer server;
    private final ButtplugClient client;
    private final ButtplugClientDevice clientDevice;
    private final Device device;

    private CommandPathRig(ToyModel model, boolean full) throws Exception {
        Executor workers = ForkJoinPool.commonPool();
        DeviceConfiguration configuration = DeviceConfiguration.bundled();
        toy = new RecordingToy(model);
        adapter = new SimulatedAdapter(List.of(model.simulated(configuration, toy)), workers);
        source = new BleDeviceSource(adapter, configuration, Protocols.builtIn(), workers, Duration.ZERO);
        if (full) {
            manager = DeviceManager.of(source);
            // the benchmark measures CPU per command, not the flood limit: its 10,000 commands a round
            // run faster than the default 1,000 messages/s, which would refuse them
            server = ButtplugServer.builder(manager).name("benchmark")
                    .limits(MessageLimits.DEFAULT.withRate(1_000_000, 1_000_000)).build();
            InProcessConnector.Pair pipe = InProcessConnector.pair();
            server.serve(pipe.server());
            client = ButtplugClient.builder("benchmark").build();
            CompletableFuture<ButtplugClientDevice> added = new CompletableFuture<>();
            client.addListener(new ButtplugClientListener() {
                @Override
                public void deviceAdded(ButtplugClientDevice d) {
                    added.complete(d);
                }
            });
            client.connect(pipe.client()).get(SETUP_SECONDS, TimeUnit.SECONDS);
            client.startScanning().get(SETUP_SECONDS, TimeUnit.SECONDS);
            clientDevice = added.get(SETUP_SECONDS, TimeUnit.SECONDS);
            device = null;
        } else {
            manager = null;
            server = null;
            client = null;
            clientDevice = null;
            CompletableFuture<Device> added = new CompletableFuture<>();
            source.start(new DeviceSourceListener() {
                @Override
                public void deviceAdded(Device d) {
                    added.complete(d);
                }

                @Override
                public void deviceRemoved(Device d) {
                }
            });
            source.startScanning().get(SETUP_SECONDS, TimeUnit.SECONDS);
            device = added.get(SETUP_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Client, in-process pipe, server, device manager, BLE device, simulated peripheral. */
    static CommandPathRig full(ToyModel model) throws Exception {
        return new CommandPathRig(model, true);
    }

    /** The BLE device straight from its source, no server or client. */
    static CommandPathRig deviceOnly(ToyModel model) throws Exception {
        return new CommandPathRig(model, false);
    }

    /** The client's view of the toy (full rigs only). */
    ButtplugClientDevice clientDevice() {
        return clientDevice;
    }

    /** The source's device (device-only rigs only). */
    Device device() {
        return device;
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.disconnect().get(SETUP_SECONDS, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
        if (manager != null) {
            manager.close();
        } else {
            source.close();
        }
        adapter.close();
    }
}
