package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A {@link HardwareIo} that records handshake writes and answers reads from a map. */
final class RecordingIo implements HardwareIo {

    final List<HardwareCommand> log = new ArrayList<>();
    final java.util.concurrent.BlockingQueue<HardwareCommand> written = new java.util.concurrent.LinkedBlockingQueue<>();
    final Map<Endpoint, byte[]> reads = new EnumMap<>(Endpoint.class);
    private final String name;

    RecordingIo(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return "00:00:00:00:00:01";
    }

    @Override
    public Map<Integer, byte[]> manufacturerData() {
        return Map.of();
    }

    /** Cleared by a test to play a device that has gone away. */
    volatile boolean connected = true;

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public boolean hasEndpoint(Endpoint endpoint) {
        return true;
    }

    @Override
    public synchronized CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse) {
        log.add(new HardwareCommand.Write(endpoint, data, withResponse, 0));
        written.add(new HardwareCommand.Write(endpoint, data, withResponse, 0));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<byte[]> read(Endpoint endpoint) {
        byte[] value = reads.get(endpoint);
        return value == null ? CompletableFuture.failedFuture(new IllegalStateException("no read scripted"))
                : CompletableFuture.completedFuture(value);
    }

    @Override
    public synchronized CompletableFuture<Void> subscribe(Endpoint endpoint) {
        log.add(new HardwareCommand.Subscribe(endpoint));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> unsubscribe(Endpoint endpoint) {
        log.add(new HardwareCommand.Unsubscribe(endpoint));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout) {
        return new CompletableFuture<byte[]>().orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void onNotification(Endpoint endpoint, Consumer<byte[]> listener) {
    }
}
