package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import java.util.concurrent.CompletableFuture;

/** A device source whose events reach the manager at once, on the test's thread. */
final class DirectSource implements DeviceSource {

    private DeviceSourceListener listener;

    @Override
    public String name() {
        return "direct";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        this.listener = listener;
    }

    void add(Device device) {
        listener.deviceAdded(device);
    }

    void remove(Device device) {
        listener.deviceRemoved(device);
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        listener.scanningFinished();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
