package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.protocol.HardwareIo;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Endpoints that accept every write and subscription and send nothing back: enough for the
 * handshake writes of a handler measured on its own (its output methods do no I/O).
 */
final class AcceptingHardware implements HardwareIo {

    private final ToyModel model;

    AcceptingHardware(ToyModel model) {
        this.model = model;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public String name() {
        return model.advertisedName();
    }

    @Override
    public String address() {
        return model.address();
    }

    @Override
    public Map<Integer, byte[]> manufacturerData() {
        return Map.of();
    }

    @Override
    public boolean hasEndpoint(Endpoint endpoint) {
        return endpoint == Endpoint.TX || endpoint == Endpoint.RX;
    }

    @Override
    public CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<byte[]> read(Endpoint endpoint) {
        return CompletableFuture.failedFuture(new BleException("nothing to read in a benchmark"));
    }

    @Override
    public CompletableFuture<Void> subscribe(Endpoint endpoint) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(Endpoint endpoint) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout) {
        return CompletableFuture.failedFuture(new BleException("no notifications in a benchmark"));
    }

    @Override
    public void onNotification(Endpoint endpoint, Consumer<byte[]> listener) {
    }
}
