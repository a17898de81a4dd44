package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fake device for handler tests: records the handshake traffic, answers reads from a script, and
 * can answer each write with a notification on {@code rx}.
 */
final class ScriptedIo implements HardwareIo {

    final List<HardwareCommand> traffic = new ArrayList<>();
    private final String name;
    private final Map<Endpoint, Deque<byte[]>> reads = new EnumMap<>(Endpoint.class);
    private final List<CompletableFuture<byte[]>> rxWaiters = new ArrayList<>();
    private Function<byte[], byte[]> rxReply = data -> null;
    private Set<Endpoint> endpoints;
    private final Map<Endpoint, Consumer<byte[]>> listeners = new EnumMap<>(Endpoint.class);
    private Map<Integer, byte[]> manufacturerData = Map.of();

    ScriptedIo(String name) {
        this.name = name;
    }

    /** Limits the endpoints the device has (by default it has all). */
    synchronized ScriptedIo withEndpoints(Endpoint... present) {
        endpoints = Set.of(present);
        return this;
    }

    /** The manufacturer data the device advertises (by default none). */
    synchronized ScriptedIo withManufacturerData(Map<Integer, byte[]> data) {
        manufacturerData = Map.copyOf(data);
        return this;
    }

    /** Queues the answer of the next read of an endpoint. */
    synchronized ScriptedIo answerRead(Endpoint endpoint, byte[] data) {
        reads.computeIfAbsent(endpoint, e -> new ArrayDeque<>()).add(data);
        return this;
    }

    /** Answers every write with the notification the function returns (none for null). */
    synchronized ScriptedIo replyOnRx(Function<byte[], byte[]> reply) {
        rxReply = reply;
        return this;
    }

    private boolean holdWrites;
    private final List<CompletableFuture<Void>> heldWrites = new ArrayList<>();

    /** From now on a write completes only at {@link #releaseWrites()} (a slow link's write confirmation). */
    synchronized ScriptedIo holdWrites() {
        holdWrites = true;
        return this;
    }

    /** Completes every held write, and writes complete at once again. */
    void releaseWrites() {
        List<CompletableFuture<Void>> held;
        synchronized (this) {
            holdWrites = false;
            held = new ArrayList<>(heldWrites);
            heldWrites.clear();
        }
        held.forEach(w -> w.complete(null));
    }

    /** Cleared by a test to play a device that has gone away. */
    volatile boolean connected = true;

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String address() {
        return "AA:BB:CC:DD:EE:FF";
    }

    @Override
    public synchronized Map<Integer, byte[]> manufacturerData() {
        return manufacturerData;
    }

    @Override
    public synchronized boolean hasEndpoint(Endpoint endpoint) {
        return endpoints == null || endpoints.contains(endpoint);
    }

    @Override
    public CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse) {
        byte[] reply;
        List<CompletableFuture<byte[]>> waiting;
        synchronized (this) {
            traffic.add(new HardwareCommand.Write(endpoint, data, withResponse, 0));
            reply = rxReply.apply(data.clone());
            waiting = reply == null ? List.of() : new ArrayList<>(rxWaiters);
            if (reply != null) {
                rxWaiters.clear();
            }
        }
        waiting.forEach(w -> w.complete(reply));
        synchronized (this) {
            if (holdWrites) {
                CompletableFuture<Void> held = new CompletableFuture<>();
                heldWrites.add(held);
                return held;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<byte[]> read(Endpoint endpoint) {
        Deque<byte[]> queue = reads.get(endpoint);
        if (queue == null || queue.isEmpty()) {
            return CompletableFuture.failedFuture(new BleException("no scripted read for " + endpoint.configName()));
        }
        return CompletableFuture.completedFuture(queue.poll());
    }

    @Override
    public synchronized CompletableFuture<Void> subscribe(Endpoint endpoint) {
        traffic.add(new HardwareCommand.Subscribe(endpoint));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> unsubscribe(Endpoint endpoint) {
        traffic.add(new HardwareCommand.Unsubscribe(endpoint));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        if (endpoint == Endpoint.RX) {
            rxWaiters.add(f);
        }
        return f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void onNotification(Endpoint endpoint, Consumer<byte[]> listener) {
        if (listener == null) {
            listeners.remove(endpoint);
        } else {
            listeners.put(endpoint, listener);
        }
    }

    /** Delivers a notification on {@code rx} to whoever waits for the next one. */
    void pushRx(byte[] data) {
        List<CompletableFuture<byte[]>> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(rxWaiters);
            rxWaiters.clear();
        }
        waiting.forEach(w -> w.complete(data.clone()));
    }

    /** Delivers a notification to the endpoint's listener, if any. */
    void notify(Endpoint endpoint, byte[] data) {
        Consumer<byte[]> listener;
        synchronized (this) {
            listener = listeners.get(endpoint);
        }
        if (listener != null) {
            listener.accept(data);
        }
    }
}
