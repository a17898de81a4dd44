package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.util.concurrent.CompletableFuture;

/** A test source whose devices the test adds and removes by hand. */
final class ListSource implements DeviceSource {

    private DeviceSourceListener listener;
    volatile boolean closed;

    @Override
    public String name() {
        return "list";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        this.listener = listener;
    }

    void add(Device d) {
        listener.deviceAdded(d);
    }

    void remove(Device d) {
        listener.deviceRemoved(d);
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        closed = true;
    }
}
