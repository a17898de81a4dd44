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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A TinyB {@link BluetoothDevice} we connected, with its characteristics.
 *
 * <p><b>TinyB's callbacks race with its own event thread.</b> TinyB stores a notification callback
 * in its native wrapper without a lock, while its GLib thread copies that callback for every
 * property change of the object: setting or clearing a callback while changes arrive corrupts the
 * native heap (a stress run that switched a device's callbacks while its RSSI changed aborted the
 * JVM within seconds with "free(): unaligned chunk detected in tcache 2"). So this class never
 * clears a callback and sets each at most once, before the link carries traffic for it:
 * <ul>
 *   <li>the link's state (connected, services resolved) is polled on the TinyB thread, every
 *       {@value #RESOLVING_WATCH_MS} ms while services resolve and every {@value #WATCH_MS} ms
 *       after, instead of through TinyB's device callbacks; TinyB's device list, whose every
 *       listing makes and deletes a wrapper per device, is read at every {@value #LIST_EVERY}th
 *       check only;</li>
 *   <li>a characteristic's value callback is set by its first {@link #subscribe} and routes each
 *       value to whoever listens now; {@link #unsubscribe} stops delivery here but cannot stop the
 *       peripheral notifying (TinyB stops notifications only together with clearing the callback),
 *       which goes on until the link ends.</li>
 * </ul>
 * The native wrappers this peripheral holds are closed on the TinyB thread
 * {@value #RELEASE_AFTER_MS} ms after the link ended (later while a newer link to the peripheral is
 * up), when no notification for them is under way; nothing calls them after that.
 */
final class TinyBPeripheral implements BlePeripheral {
    private static final Logger log = LoggerFactory.getLogger(TinyBPeripheral.class);
    private static final long RESOLVING_WATCH_MS = 50;
    private static final long WATCH_MS = 200;
    private static final long RELEASE_AFTER_MS = 1_000;
    private static final int LIST_EVERY = 5;
    private static final int MAX_RELEASE_DEFERRALS = 600;

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
    private final AtomicBoolean releaseScheduled = new AtomicBoolean();
    /** Characteristics whose value callback is set (TinyB thread only). */
    private final Set<String> callbackSet = new HashSet<>();
    /** The native wrappers are closed (TinyB thread only). */
    private boolean released;
    /** The watch has seen the link up (TinyB thread only). */
    private boolean seenConnected;
    /** The wrapper of the object BlueZ re-created after we looked it up, or null (TinyB thread only). */
    private BluetoothDevice watched;
    /** Checks the watch made (TinyB thread only). */
    private int checks;
    /** Times the release waited for a newer link (TinyB thread only). */
    private int releaseDeferrals;
    private final Predicate<TinyBPeripheral> newerLinkUp;

    /**
     * @param device  the wrapper to connect through; owned by this peripheral from now on
     * @param devices the peripherals TinyB knows now, as new wrappers the caller closes (called on {@code calls})
     * @param calls   where TinyB is called (the one TinyB thread)
     * @param io      where notifications and disconnect listeners run
     * @param newerLinkUp whether a link to this peripheral other than the one given is up now (asked on {@code calls})
     */
    TinyBPeripheral(BluetoothDevice device, Supplier<java.util.List<BluetoothDevice>> devices, String address, String name,
                    Executor calls, Executor io, Predicate<TinyBPeripheral> newerLinkUp) {
        this.device = device;
        this.newerLinkUp = newerLinkUp;
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
            if (!tinyb("connect to " + name, device::connect)) {
                throw new BleException("connect to " + name + ": TinyB reported failure");
            }
            watch();
        }, calls);
        return resolution.after(linkUp, timeout, cause -> cause instanceof BleException ble
                        ? ble : new BleException("connect to " + name + ": " + cause.getMessage(), cause))
                .thenApplyAsync(v -> {
                    if (released) {
                        throw link.gone();
                    }
                    Map<UUID, Map<UUID, BluetoothGattCharacteristic>> table = new HashMap<>();
                    for (BluetoothGattService service : tinyb("list services of " + name, device::getServices)) {
                        try {
                            Map<UUID, BluetoothGattCharacteristic> chars = new HashMap<>();
                            for (BluetoothGattCharacteristic c : service.getCharacteristics()) {
                                chars.put(UUID.fromString(c.getUUID()), c);
                            }
                            table.put(UUID.fromString(service.getUUID()), Map.copyOf(chars));
                        } finally {
                            // a service wrapper has no signal handler; its characteristics live on
                            NativeWrappers.close(service);
                        }
                    }
                    gatt = Map.copyOf(table);
                    log.info("connected {} ({}) over TinyB, services {}", name, address, table.keySet());
                    return (BlePeripheral) this;
                }, calls)
                .whenComplete((p, e) -> {
                    if (e != null) {
                        link.markDisconnected("connect failed");
                        CompletableFuture.runAsync(this::disconnectQuietly, calls);
                        scheduleRelease();
                    }
                });
    }

    /**
     * Checks TinyB's view of the link on the TinyB thread while it is up: services resolved (while
     * connecting) and still connected.
     */
    private void watch() {
        if (!link.isConnected() || released) {
            return;
        }
        try {
            LinkState now = linkState();
            seenConnected |= now.connected();
            if (resolution.isPending() && now.servicesResolved()) {
                resolution.resolved();
            }
            // TinyB's cached Connected may lag the connect call: lost only once it was seen up
            if ((seenConnected || resolution.isResolved()) && !now.connected()) {
                lost("the peripheral disconnected");
                return;
            }
        } catch (RuntimeException e) {
            lost("TinyB lost the device: " + e.getMessage());
            return;
        }
        long next = resolution.isPending() ? RESOLVING_WATCH_MS : WATCH_MS;
        CompletableFuture.runAsync(this::watch, CompletableFuture.delayedExecutor(next, TimeUnit.MILLISECONDS, calls));
    }

    private record LinkState(boolean connected, boolean servicesResolved) {
        static final LinkState GONE = new LinkState(false, false);

        static LinkState of(BluetoothDevice d) {
            return new LinkState(d.getConnected(), d.getServicesResolved());
        }
    }

    /**
     * The link's state as TinyB has it. Every wrapper of one D-Bus object reads the same proxy, so
     * the wrapper watched answers for all of them, without a listing; but when BlueZ removed and
     * re-created the peripheral's object (same path) after we looked it up, the wrapper we hold
     * reads the old proxy, whose properties never change again. So every {@value #LIST_EVERY}th
     * check lists TinyB's devices (a listing makes and deletes a wrapper per device, which races
     * with TinyB's GLib thread: see the class comment, so not at every check): when the object
     * TinyB has now says otherwise, it is watched from then on; when TinyB has none, the
     * peripheral is gone.
     */
    private LinkState linkState() {
        BluetoothDevice held = watched == null ? device : watched;
        if (checks++ % LIST_EVERY != 0) {
            return LinkState.of(held);
        }
        BluetoothDevice now = NativeWrappers.keepDevice(devices.get(), address);
        if (now == null) {
            return LinkState.GONE;
        }
        LinkState fresh = LinkState.of(now);
        if (fresh.equals(LinkState.of(held))) {
            NativeWrappers.close(now);
            return fresh;
        }
        if (watched != null) {
            NativeWrappers.close(watched);
        }
        watched = now;
        return fresh;
    }

    void lost(String why) {
        resolution.lost(why);
        if (link.markDisconnected(why)) {
            subscriptions.clear();
            log.info("{} ({}) disconnected: {}", name, address, why);
            scheduleRelease();
        }
    }

    /** Closes this peripheral's native wrappers on the TinyB thread, a while after the link ended. */
    private void scheduleRelease() {
        if (releaseScheduled.compareAndSet(false, true)) {
            releaseLater();
        }
    }

    private void releaseLater() {
        CompletableFuture.runAsync(this::release,
                CompletableFuture.delayedExecutor(RELEASE_AFTER_MS, TimeUnit.MILLISECONDS, calls));
    }

    /**
     * Closes the wrappers, unless a newer link to the same peripheral is up: BlueZ keeps a
     * peripheral's GATT objects across links (its GATT cache), so their signals, which reach our
     * wrappers too, flow again; then it waits for that link to end, at most
     * {@value #MAX_RELEASE_DEFERRALS} times {@value #RELEASE_AFTER_MS} ms.
     */
    private void release() {
        if (newerLinkUp.test(this) && releaseDeferrals++ < MAX_RELEASE_DEFERRALS) {
            releaseLater();
            return;
        }
        released = true;
        gatt.values().forEach(chars -> chars.values().forEach(NativeWrappers::close));
        NativeWrappers.close(watched);
        NativeWrappers.close(device);
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

    /**
     * Makes {@code listener} the one listener of the characteristic. The first subscribe on this link
     * sets TinyB's value callback and starts notifications; later ones only change who listens.
     */
    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        String key = service + "/" + characteristic;
        return onCharacteristic(service, characteristic, "subscribe to", c -> {
            subscriptions.put(key, listener);
            if (callbackSet.add(key)) {
                try {
                    c.enableValueNotifications(value -> {
                        Consumer<byte[]> now = subscriptions.get(key);
                        if (now != null) {
                            subscriptions.deliver(key, now, value);
                        }
                    });
                } catch (RuntimeException e) {
                    callbackSet.remove(key);
                    subscriptions.remove(key, listener);
                    throw e;
                }
            }
            return null;
        });
    }

    /**
     * Stops delivering the characteristic's notifications. The peripheral goes on sending them until
     * the link ends: TinyB cannot stop notifications without clearing its callback, which races with
     * its event thread (see the class comment).
     */
    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        subscriptions.remove(service + "/" + characteristic);
        return CompletableFuture.completedFuture(null);
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
        if (released) {
            return;
        }
        try {
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
            if (released) {
                throw link.gone();
            }
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
