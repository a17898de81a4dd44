package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.internal.DisconnectTracker;
import io.github.buttplugjava.btle.internal.SerialExecutor;
import org.bluez.Device1;
import org.bluez.GattCharacteristic1;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A BlueZ {@code org.bluez.Device1} we connected, with its GATT characteristics. */
final class BluezPeripheral implements BlePeripheral {
    private static final Logger log = LoggerFactory.getLogger(BluezPeripheral.class);

    private final BluezSession session;
    private final String path;
    private final String address;
    private final String name;
    private final Executor io;
    private final DisconnectTracker link;
    private final Executor notifications;
    private final Map<String, Consumer<byte[]>> subscriptions = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> resolved = new CompletableFuture<>();
    private volatile GattTable gatt;
    private volatile boolean disconnecting;
    private CompletableFuture<Void> disconnection;

    BluezPeripheral(BluezSession session, String path, String address, String name, Executor io) {
        this.session = session;
        this.path = path;
        this.address = address;
        this.name = name;
        this.io = io;
        this.notifications = new SerialExecutor(io);
        this.link = new DisconnectTracker(name + " (" + address + ")", notifications);
        this.gatt = new GattTable(name, Map.of());
    }

    String path() {
        return path;
    }

    /** Connects, waits for BlueZ to resolve the services (bounded by {@code timeout}), reads them. */
    CompletableFuture<BlePeripheral> connect(Duration timeout) {
        CompletableFuture<Void> linkUp = CompletableFuture.runAsync(() -> {
            call("connect to " + name, () -> session.remote(path, Device1.class).Connect());
            if (servicesResolvedNow()) {
                resolved.complete(null);
            }
        }, io);
        return linkUp
                .thenCompose(v -> resolved.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .handle((v, e) -> {
                    if (e == null) {
                        return null;
                    }
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof TimeoutException) {
                        throw new BleException("connected to " + name + " but BlueZ did not resolve its GATT services"
                                + " within " + timeout.toMillis() + " ms");
                    }
                    throw BluezErrors.toBle("connect to " + name, cause);
                })
                .thenApplyAsync(v -> {
                    gatt = GattTable.read(session, path, name);
                    log.info("connected {} ({}), services {}", name, address, gatt.services().keySet());
                    return (BlePeripheral) this;
                }, io)
                .whenComplete((p, e) -> {
                    if (e != null) {
                        synchronized (this) {
                            if (disconnection == null) {
                                disconnection = CompletableFuture.runAsync(this::disconnectQuietly, io);
                            }
                        }
                        link.markDisconnected("connect failed");
                    }
                });
    }

    private boolean servicesResolvedNow() {
        try {
            Object value = session.remote(path, Properties.class).Get(BluezSession.DEVICE, "ServicesResolved");
            return Boolean.TRUE.equals(BluezValues.unwrap(value));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** BlueZ reported a property change on this device or one of its characteristics. */
    void propertiesChanged(String objectPath, String iface, Map<String, Variant<?>> changed) {
        if (objectPath.equals(path) && BluezSession.DEVICE.equals(iface)) {
            if (Boolean.TRUE.equals(BluezValues.unwrap(changed.get("ServicesResolved")))) {
                resolved.complete(null);
            }
            if (Boolean.FALSE.equals(changed.get("Connected") == null ? null : BluezValues.unwrap(changed.get("Connected")))) {
                lost(disconnecting ? "disconnected on request" : "the peripheral disconnected");
            }
        } else if (BluezSession.GATT_CHARACTERISTIC.equals(iface) && changed.containsKey("Value")) {
            Consumer<byte[]> listener = subscriptions.get(objectPath);
            if (listener != null) {
                byte[] value = BluezValues.bytes(changed.get("Value"));
                log.debug("{} notification {} <- {}", name, objectPath, HexFormat.of().formatHex(value));
                notifications.execute(() -> {
                    if (subscriptions.get(objectPath) == listener) {
                        listener.accept(value);
                    }
                });
            }
        }
    }

    /** The link is gone (BlueZ said so, or the device object vanished). */
    void lost(String why) {
        resolved.completeExceptionally(new BleException(name + " disconnected while connecting (" + why + ")"));
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
        return gatt.services();
    }

    @Override
    public CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        byte[] copy = data.clone();
        Map<String, Variant<?>> options = Map.of("type", new Variant<>(withResponse ? "request" : "command"));
        return onCharacteristic(service, characteristic, "write to", c -> {
            log.debug("{} write {} {} -> {}", name, withResponse ? "request" : "command", characteristic,
                    HexFormat.of().formatHex(copy));
            c.WriteValue(copy, options);
            return null;
        });
    }

    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        return onCharacteristic(service, characteristic, "read", c -> BluezValues.bytes(c.ReadValue(Map.of())));
    }

    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        return link.track(() -> {
            String charPath;
            try {
                charPath = gatt.path(service, characteristic);
            } catch (BleException e) {
                return CompletableFuture.failedFuture(e);
            }
            subscriptions.put(charPath, listener);
            return CompletableFuture.runAsync(() -> call("subscribe to " + characteristic + " of " + name,
                    () -> session.remote(charPath, GattCharacteristic1.class).StartNotify()), io)
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            subscriptions.remove(charPath, listener);
                        }
                    });
        });
    }

    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        String charPath;
        try {
            charPath = gatt.path(service, characteristic);
        } catch (BleException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (subscriptions.remove(charPath) == null || !link.isConnected()) {
            return CompletableFuture.completedFuture(null);
        }
        return link.track(() -> CompletableFuture.runAsync(() -> call("unsubscribe from " + characteristic,
                () -> session.remote(charPath, GattCharacteristic1.class).StopNotify()), io));
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
        disconnecting = true;
        disconnection = CompletableFuture.runAsync(() -> {
            disconnectQuietly();
            lost("disconnected on request");
        }, io);
        return disconnection;
    }

    private void disconnectQuietly() {
        try {
            session.remote(path, Device1.class).Disconnect();
        } catch (DBusException | RuntimeException e) {
            log.debug("disconnect of {} failed (already gone?)", name, e);
        }
    }

    private interface CharacteristicCall<T> {
        T apply(GattCharacteristic1 characteristic) throws DBusException;
    }

    private <T> CompletableFuture<T> onCharacteristic(UUID service, UUID characteristic, String action,
                                                      CharacteristicCall<T> call) {
        return link.track(() -> CompletableFuture.supplyAsync(() -> {
            String what = action + " " + characteristic + " of " + name;
            try {
                return call.apply(session.remote(gatt.path(service, characteristic), GattCharacteristic1.class));
            } catch (DBusException | RuntimeException e) {
                throw BluezErrors.toBle(what, e);
            }
        }, io));
    }

    private interface DbusCall {
        void run() throws DBusException;
    }

    private static void call(String what, DbusCall call) {
        try {
            call.run();
        } catch (DBusException | RuntimeException e) {
            throw BluezErrors.toBle(what, e);
        }
    }
}
