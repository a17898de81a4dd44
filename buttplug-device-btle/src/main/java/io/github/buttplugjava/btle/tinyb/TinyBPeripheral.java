package io.github.buttplugjava.btle.tinyb;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.internal.DisconnectTracker;
import io.github.buttplugjava.btle.internal.ServicesResolution;
import io.github.buttplugjava.btle.internal.Subscriptions;
import io.github.buttplugjava.core.internal.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tinyb.BluetoothDevice;
import tinyb.BluetoothGattCharacteristic;
import tinyb.BluetoothGattService;

import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A TinyB {@link BluetoothDevice} we connected, with its characteristics. */
final class TinyBPeripheral implements BlePeripheral {
    private static final Logger log = LoggerFactory.getLogger(TinyBPeripheral.class);
    private static final long WATCH_MS = 200;

    private final BluetoothDevice device;
    private final Supplier<java.util.List<BluetoothDevice>> devices;
    private final String address;
    private final String name;
    private final Executor calls;
    private final DisconnectTracker link;
    private final ServicesResolution resolution;
    private CompletableFuture<Void> disconnection;
    private final Subscriptions<String> subscriptions;
    private volatile Map<UUID, Map<UUID, BluetoothGattCharacteristic>> gatt = Map.of();

    /**
     * @param devices the peripherals TinyB knows now (called on {@code calls})
     * @param calls   where TinyB is called (the one TinyB thread)
     * @param io      where notifications and disconnect listeners run
     */
    TinyBPeripheral(BluetoothDevice device, Supplier<java.util.List<BluetoothDevice>> devices, String address, String name,
                    Executor calls, Executor io) {
        this.device = device;
        this.devices = devices;
        this.address = address;
        this.name = name;
        this.calls = calls;
        Executor notifications = SerialExecutor.droppingWhenRejected(io);
        this.subscriptions = new Subscriptions<>(notifications);
        this.link = new DisconnectTracker(name + " (" + address + ")", notifications);
        this.resolution = new ServicesResolution(name);
    }

    /** Connects (TinyB blocks in {@code connect()}), waits for resolved services, reads them. */
    CompletableFuture<BlePeripheral> connect(Duration timeout) {
        CompletableFuture<Void> linkUp = CompletableFuture.runAsync(() -> {
            device.enableServicesResolvedNotifications(v -> {
                if (Boolean.TRUE.equals(v)) {
                    resolution.resolved();
                }
            });
            device.enableConnectedNotifications(v -> {
                if (Boolean.FALSE.equals(v)) {
                    lost("the peripheral disconnected");
                }
            });
            if (!tinyb("connect to " + name, device::connect)) {
                throw new BleException("connect to " + name + ": TinyB reported failure");
            }
            watch();
        }, calls);
        return resolution.after(linkUp, timeout, cause -> cause instanceof BleException ble
                        ? ble : new BleException("connect to " + name + ": " + cause.getMessage(), cause))
                .thenApplyAsync(v -> {
                    Map<UUID, Map<UUID, BluetoothGattCharacteristic>> table = new HashMap<>();
                    for (BluetoothGattService service : tinyb("list services of " + name, device::getServices)) {
                        Map<UUID, BluetoothGattCharacteristic> chars = new HashMap<>();
                        for (BluetoothGattCharacteristic c : service.getCharacteristics()) {
                            chars.put(UUID.fromString(c.getUUID()), c);
                        }
                        table.put(UUID.fromString(service.getUUID()), Map.copyOf(chars));
                    }
                    gatt = Map.copyOf(table);
                    log.info("connected {} ({}) over TinyB, services {}", name, address, table.keySet());
                    return (BlePeripheral) this;
                }, calls)
                .whenComplete((p, e) -> {
                    if (e != null) {
                        link.markDisconnected("connect failed");
                        CompletableFuture.runAsync(this::disconnectQuietly, calls);
                    }
                });
    }

    /**
     * Checks TinyB's view of the link every {@value #WATCH_MS} ms on the TinyB thread while it is up:
     * services resolved (while connecting) and still connected. TinyB's property notifications are
     * the fast path, but they reach only the object TinyB has for the peripheral now: when BlueZ
     * removed and re-created the peripheral's object (same path) after we looked it up, the object
     * we hold keeps its old properties forever. So the watch reads the object TinyB has now.
     */
    private void watch() {
        if (!link.isConnected()) {
            return;
        }
        try {
            BluetoothDevice now = current();
            if (resolution.isPending() && now.getServicesResolved()) {
                resolution.resolved();
            }
            if (resolution.isResolved() && !now.getConnected()) {
                lost("the peripheral disconnected");
                return;
            }
        } catch (RuntimeException e) {
            lost("TinyB lost the device: " + e.getMessage());
            return;
        }
        CompletableFuture.runAsync(this::watch,
                CompletableFuture.delayedExecutor(WATCH_MS, TimeUnit.MILLISECONDS, calls));
    }

    /** The object TinyB has for this peripheral's address now; the one we hold when it has none. */
    private BluetoothDevice current() {
        for (BluetoothDevice d : devices.get()) {
            if (address.equalsIgnoreCase(d.getAddress())) {
                return d;
            }
        }
        return device;
    }

    void lost(String why) {
        resolution.lost(why);
        if (link.markDisconnected(why)) {
            subscriptions.clear();
            log.info("{} ({}) disconnected: {}", name, address, why);
        }
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
        Map<UUID, Set<UUID>> out = new HashMap<>();
        gatt.forEach((s, chars) -> out.put(s, Set.copyOf(chars.keySet())));
        return Map.copyOf(out);
    }

    /**
     * Writes {@code data}. TinyB cannot choose the write type: it calls BlueZ's {@code WriteValue}
     * without a {@code type} option, so BlueZ sends a write request (with response) whenever the
     * characteristic allows it, whatever {@code withResponse} says.
     */
    @Override
    public CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        byte[] copy = data.clone();
        return onCharacteristic(service, characteristic, "write to", c -> {
            log.debug("{} write {} -> {} (TinyB: write type chosen by BlueZ)", name, characteristic,
                    HexFormat.of().formatHex(copy));
            if (!c.writeValue(copy)) {
                throw new BleException("write to " + characteristic + " of " + name + ": TinyB reported failure");
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        return onCharacteristic(service, characteristic, "read", BluetoothGattCharacteristic::readValue);
    }

    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        String key = service + "/" + characteristic;
        return onCharacteristic(service, characteristic, "subscribe to", c -> {
            subscriptions.put(key, listener);
            c.enableValueNotifications(value -> subscriptions.deliver(key, listener, value.clone()));
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        if (!subscriptions.remove(service + "/" + characteristic) || !link.isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        return onCharacteristic(service, characteristic, "unsubscribe from", c -> {
            c.disableValueNotifications();
            return null;
        });
    }

    @Override
    public void onDisconnect(Runnable listener) {
        link.onDisconnect(listener);
    }

    @Override
    public boolean isConnected() {
        return link.isConnected();
    }

    @Override
    public synchronized CompletableFuture<Void> disconnect() {
        if (disconnection != null) {
            return disconnection;
        }
        if (!link.isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        disconnection = CompletableFuture.runAsync(() -> {
            disconnectQuietly();
            lost("disconnected on request");
        }, calls);
        return disconnection;
    }

    private void disconnectQuietly() {
        try {
            device.disableConnectedNotifications();
            device.disableServicesResolvedNotifications();
            device.disconnect();
        } catch (RuntimeException e) {
            log.debug("disconnect of {} failed (already gone?)", name, e);
        }
    }

    private interface CharacteristicCall<T> {
        T apply(BluetoothGattCharacteristic characteristic);
    }

    private <T> CompletableFuture<T> onCharacteristic(UUID service, UUID characteristic, String action,
                                                      CharacteristicCall<T> call) {
        return link.track(() -> CompletableFuture.supplyAsync(() -> {
            Map<UUID, BluetoothGattCharacteristic> chars = gatt.get(service);
            if (chars == null) {
                throw new BleException(name + " has no service " + service);
            }
            BluetoothGattCharacteristic c = chars.get(characteristic);
            if (c == null) {
                throw new BleException(name + " has no characteristic " + characteristic + " in service " + service);
            }
            return tinyb(action + " " + characteristic + " of " + name, () -> call.apply(c));
        }, calls));
    }

    private static <T> T tinyb(String what, Supplier<T> call) {
        return PeripheralCalls.call(what, call);
    }
}
