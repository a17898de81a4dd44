package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.protocol.HardwareIo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Binds a peripheral's GATT characteristics to a protocol's named endpoints. */
final class PeripheralHardware implements HardwareIo {

    /** Where one endpoint lives. */
    private record Location(UUID service, UUID characteristic) {
    }

    private final BlePeripheral peripheral;
    private final Advertisement advertisement;
    private final Map<Endpoint, Location> endpoints;
    private final Map<Endpoint, List<CompletableFuture<byte[]>>> waiters = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Consumer<byte[]>> listeners = new EnumMap<>(Endpoint.class);
    private boolean disconnected;

    private PeripheralHardware(BlePeripheral peripheral, Advertisement advertisement, Map<Endpoint, Location> endpoints) {
        this.peripheral = peripheral;
        this.advertisement = advertisement;
        this.endpoints = endpoints;
        peripheral.onDisconnect(this::failWaiters);
    }

    /**
     * Binds every endpoint of the specifier whose service and characteristic the peripheral has.
     *
     * @return null when the peripheral has none of the specifier's endpoints
     */
    static PeripheralHardware bind(BlePeripheral peripheral, Advertisement advertisement, BtleSpecifier specifier) {
        Map<Endpoint, Location> bound = new EnumMap<>(Endpoint.class);
        Map<UUID, Set<UUID>> present = peripheral.services();
        specifier.services().forEach((service, chars) -> {
            Set<UUID> have = present.get(service);
            if (have == null) {
                return;
            }
            chars.forEach((endpoint, characteristic) -> {
                if (have.contains(characteristic)) {
                    bound.putIfAbsent(endpoint, new Location(service, characteristic));
                }
            });
        });
        return bound.isEmpty() ? null : new PeripheralHardware(peripheral, advertisement, bound);
    }

    @Override
    public boolean isConnected() {
        return peripheral.isConnected();
    }

    BlePeripheral peripheral() {
        return peripheral;
    }

    @Override
    public String name() {
        return peripheral.name();
    }

    @Override
    public String address() {
        return peripheral.address();
    }

    @Override
    public Map<Integer, byte[]> manufacturerData() {
        Map<Integer, byte[]> out = new java.util.HashMap<>();
        advertisement.manufacturerData().forEach((k, v) -> out.put(k, v.clone()));
        return out;
    }

    @Override
    public boolean hasEndpoint(Endpoint endpoint) {
        return endpoints.containsKey(endpoint);
    }

    private Location location(Endpoint endpoint) {
        Location l = endpoints.get(endpoint);
        if (l == null) {
            throw new BleException("device " + peripheral.name() + " has no endpoint " + endpoint.configName());
        }
        return l;
    }

    @Override
    public CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse) {
        try {
            Location l = location(endpoint);
            return peripheral.write(l.service, l.characteristic, data, withResponse);
        } catch (BleException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<byte[]> read(Endpoint endpoint) {
        try {
            Location l = location(endpoint);
            return peripheral.read(l.service, l.characteristic);
        } catch (BleException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> subscribe(Endpoint endpoint) {
        try {
            Location l = location(endpoint);
            return peripheral.subscribe(l.service, l.characteristic, data -> dispatch(endpoint, data));
        } catch (BleException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> unsubscribe(Endpoint endpoint) {
        try {
            Location l = location(endpoint);
            return peripheral.unsubscribe(l.service, l.characteristic);
        } catch (BleException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        synchronized (this) {
            if (disconnected) {
                return CompletableFuture.failedFuture(new BleException("device " + peripheral.name() + " disconnected"));
            }
            waiters.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(f);
        }
        f.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((v, e) -> {
            synchronized (this) {
                List<CompletableFuture<byte[]>> list = waiters.get(endpoint);
                if (list != null) {
                    list.remove(f);
                }
            }
        });
        return f;
    }

    @Override
    public synchronized void onNotification(Endpoint endpoint, Consumer<byte[]> listener) {
        if (listener == null) {
            listeners.remove(endpoint);
        } else {
            listeners.put(endpoint, listener);
        }
    }

    private void dispatch(Endpoint endpoint, byte[] data) {
        List<CompletableFuture<byte[]>> ready;
        Consumer<byte[]> listener;
        synchronized (this) {
            List<CompletableFuture<byte[]>> list = waiters.remove(endpoint);
            ready = list == null ? List.of() : list;
            listener = listeners.get(endpoint);
        }
        for (CompletableFuture<byte[]> f : ready) {
            f.complete(data.clone());
        }
        if (listener != null) {
            listener.accept(data.clone());
        }
    }

    private void failWaiters() {
        List<CompletableFuture<byte[]>> all = new ArrayList<>();
        synchronized (this) {
            disconnected = true;
            waiters.values().forEach(all::addAll);
            waiters.clear();
        }
        BleException gone = new BleException("device " + peripheral.name() + " disconnected");
        all.forEach(f -> f.completeExceptionally(gone));
    }
}
