package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManagerListener;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A Buttplug WebSocket server on loopback over one simulated Lovense that is present from the start. */
final class SimServerRig implements AutoCloseable {

    final SimulatedDevices sim = SimulatedDevices.builder().add("lovense").presentAtStart(true).build();
    final DeviceManager devices = DeviceManager.of(sim);
    final ButtplugServer buttplug;
    final ButtplugWebSocketServer server;

    SimServerRig(Duration maxPingTime, int maxFrameSize) throws IOException {
        this(maxPingTime, maxFrameSize, Duration.ofSeconds(30));
    }

    SimServerRig(Duration maxPingTime, int maxFrameSize, Duration handshakeTimeout) throws IOException {
        buttplug = ButtplugServer.builder(devices).name("rig").maxPingTime(maxPingTime)
                .handshakeTimeout(handshakeTimeout).build();
        server = ButtplugWebSocketServer.builder(buttplug).maxFrameSize(maxFrameSize).start();
    }

    SimServerRig() throws IOException {
        this(Duration.ZERO, WebSocketServer.DEFAULT_MAX_FRAME_SIZE);
    }

    SimulatedDevice lovense() {
        return sim.device("lovense");
    }

    /** Waits until the manager lists the toy (it is reported on the source's executor). */
    void awaitDeviceListed() throws InterruptedException {
        CountDownLatch added = new CountDownLatch(1);
        DeviceManagerListener listener = new DeviceManagerListener() {
            @Override
            public void deviceAdded(DeviceInfo device) {
                added.countDown();
            }
        };
        devices.addListener(listener);
        try {
            if (devices.deviceList(0).devices().isEmpty() && !added.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("simulated toy never listed");
            }
        } finally {
            devices.removeListener(listener);
        }
    }

    @Override
    public void close() {
        server.close();
        devices.close();
    }
}
