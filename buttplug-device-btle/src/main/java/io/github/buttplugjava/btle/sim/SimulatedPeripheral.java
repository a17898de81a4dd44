package io.github.buttplugjava.btle.sim;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.internal.SerialExecutor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A simulated connected peripheral: a GATT layout taken from the device configuration, with a
 * {@link ToyBehaviour} answering writes and reads. Notifications reach subscribers serially on the
 * executor. Thread-safe.
 */
public final class SimulatedPeripheral implements BlePeripheral {

    private record Location(UUID service, UUID characteristic) {
    }

    private final String address;
    private final String name;
    private final ToyBehaviour behaviour;
    private final Executor events;
    private final Map<UUID, Set<UUID>> services;
    private final Map<Location, Endpoint> endpoints = new HashMap<>();
    private final Map<Endpoint, Location> locations = new HashMap<>();
    private final Map<Endpoint, Consumer<byte[]>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> disconnectListeners = new ArrayList<>();
    private volatile boolean connected = true;

    /**
     * A connected peripheral.
     *
     * @param layout   service UUID to endpoint characteristics, as the configuration lists them
     * @param executor delivers notifications and disconnect events
     * @param address the toy's address, as advertised
     * @param name the toy's advertised name
     * @param behaviour answers writes, reads and subscriptions
     */
    public SimulatedPeripheral(String address, String name, Map<UUID, Map<Endpoint, UUID>> layout,
                               ToyBehaviour behaviour, Executor executor) {
        this.address = address;
        this.name = name;
        this.behaviour = behaviour;
        this.events = SerialExecutor.droppingWhenRejected(executor);
        Map<UUID, Set<UUID>> svc = new LinkedHashMap<>();
        layout.forEach((service, chars) -> {
            svc.put(service, Set.copyOf(chars.values()));
            chars.forEach((endpoint, ch) -> {
                Location l = new Location(service, ch);
                endpoints.putIfAbsent(l, endpoint);
                locations.putIfAbsent(endpoint, l);
            });
        });
        this.services = Map.copyOf(svc);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<UUID, Set<UUID>> services() {
        return services;
    }

    private Endpoint endpoint(UUID service, UUID characteristic) {
        if (!connected) {
            throw new BleException(name + " is disconnected");
        }
        Endpoint e = endpoints.get(new Location(service, characteristic));
        if (e == null) {
            throw new BleException(name + " has no characteristic " + characteristic + " in service " + service);
        }
        return e;
    }

    @Override
    public synchronized CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        try {
            behaviour.onWrite(this, endpoint(service, characteristic), data.clone(), withResponse);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        try {
            return behaviour.onRead(this, endpoint(service, characteristic));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        try {
            Endpoint e = endpoint(service, characteristic);
            subscribers.put(e, listener);
            behaviour.onSubscription(this, e, true);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public synchronized CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        try {
            Endpoint e = endpoint(service, characteristic);
            subscribers.remove(e);
            behaviour.onSubscription(this, e, false);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sends a notification of an endpoint to its subscriber, if there is one (else it is lost, as
     * on a real device).
     *
     * @param endpoint the endpoint notifying
     * @param data the notification's bytes (copied)
     * @return whether someone was subscribed
     */
    public boolean notify(Endpoint endpoint, byte[] data) {
        Consumer<byte[]> s = subscribers.get(endpoint);
        if (s == null || !connected) {
            return false;
        }
        byte[] copy = data.clone();
        events.execute(() -> s.accept(copy));
        return true;
    }

    /**
     * Whether the peripheral has an endpoint.
     *
     * @param endpoint an endpoint of the protocol
     * @return true when the layout has a characteristic for it
     */
    public boolean hasEndpoint(Endpoint endpoint) {
        return locations.containsKey(endpoint);
    }

    @Override
    public void onDisconnect(Runnable listener) {
        boolean now;
        synchronized (disconnectListeners) {
            now = !connected;
            if (!now) {
                disconnectListeners.add(listener);
            }
        }
        if (now) {
            events.execute(listener);
        }
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public CompletableFuture<Void> disconnect() {
        List<Runnable> run;
        synchronized (disconnectListeners) {
            if (!connected) {
                return CompletableFuture.completedFuture(null);
            }
            connected = false;
            run = new ArrayList<>(disconnectListeners);
            disconnectListeners.clear();
        }
        subscribers.clear();
        run.forEach(events::execute);
        return CompletableFuture.completedFuture(null);
    }
}
