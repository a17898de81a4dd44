package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.HandlerDevice;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.core.PeerText;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The devices of one source of a link that is not BLE (HID devices, serial ports, the Lovense
 * app's toys), each keyed by its address: which are ready, which are being set up, and the path
 * from a connected peripheral to a reported device.
 *
 * <p>A key is {@linkplain #reserve reserved} while its device is set up, so two scans never open it
 * twice. {@link #open} identifies the device with its protocol's handler: a device whose set-up
 * fails is logged and skipped (its peripheral disconnected, its key free for the next scan); a
 * ready one is listed and reported added, unless the source closed meanwhile (then it is stopped)
 * or its link was lost meanwhile. When its link ends it leaves the list and is reported removed.
 * Thread-safe.
 *
 * @param <K> the key of a device (a port path, a serial number, a toy id)
 * @param <P> the transport's peripheral
 */
public final class HandlerDevices<K, P extends BlePeripheral> {

    private record Entry<P>(P peripheral, HandlerDevice device) {
    }

    private final SourceState state;
    private final DeviceLayer layer;
    private final Duration stopTimeout;
    private final Logger log;
    private final Map<K, Entry<P>> devices = new ConcurrentHashMap<>();
    private final Set<K> busy = ConcurrentHashMap.newKeySet();

    /**
     * An empty list.
     *
     * @param state the source's lifecycle (closed or not, where events go)
     * @param layer opens the devices
     * @param stopTimeout how long stopping a device waits for its stop writes before disconnecting it
     * @param log the source's logger
     */
    public HandlerDevices(SourceState state, DeviceLayer layer, Duration stopTimeout, Logger log) {
        this.state = Objects.requireNonNull(state, "state");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Reserves {@code key} for a set-up, unless the source is closed, {@code key} has a device or a
     * set-up already, or the source holds {@code max} devices and set-ups.
     *
     * @param key the device's key
     * @param max the most devices and set-ups of the source
     * @return true when the caller must now {@link #open} it
     */
    public boolean reserve(K key, int max) {
        if (state.isClosed() || devices.containsKey(key) || devices.size() + busy.size() >= max) {
            return false;
        }
        return busy.add(key);
    }

    /**
     * Sets up the device of a reserved key once its peripheral is connected, and reports it.
     *
     * @param key the reserved key
     * @param label how logs name the device, e.g. {@code "serial device on /dev/ttyACM0"}; text from
     *              a peer in it must already be escaped and capped
     * @param connecting completes with the connected peripheral; fails when it cannot be connected
     * @param layout where the protocol's endpoints are on the peripheral
     * @param protocol the protocol id
     * @return completes when the device was reported or skipped; never fails
     */
    public CompletableFuture<Void> open(K key, String label, CompletableFuture<P> connecting, BtleSpecifier layout,
                                        String protocol) {
        return connecting
                .thenCompose(peripheral -> layer.open(peripheral, layout, protocol)
                        .whenComplete((device, error) -> {
                            if (error != null) {
                                peripheral.disconnect();
                            }
                        })
                        .thenAccept(device -> added(key, label, peripheral, device)))
                .handle((v, error) -> {
                    if (error != null) {
                        busy.remove(key);
                        log.warn("{} skipped: {}", label, PeerText.error(RootCause.describe(error)));
                    }
                    return null;
                });
    }

    private void added(K key, String label, P peripheral, HandlerDevice device) {
        if (state.isClosed()) {
            device.stopAndDisconnect(stopTimeout);
            busy.remove(key);
            return;
        }
        Entry<P> entry = new Entry<>(peripheral, device);
        devices.put(key, entry);
        busy.remove(key);
        if (!peripheral.isConnected()) {
            devices.remove(key, entry);
            log.info("{} was lost during set-up", label);
            return;
        }
        log.info("{} ready: {} ({})", label, device.definition().name(), device.definition().protocol());
        state.announce(device.device(), peripheral, () -> devices.remove(key, entry));
    }

    /**
     * The peripheral of a ready device.
     *
     * @param key the device's key
     * @return its peripheral; empty when no device of that key is ready
     */
    public Optional<P> peripheral(K key) {
        Entry<P> e = devices.get(key);
        return e == null ? Optional.empty() : Optional.of(e.peripheral());
    }

    /**
     * The ready devices' keys and peripherals, as they are now.
     *
     * @return a copy
     */
    public Map<K, P> peripherals() {
        Map<K, P> out = new LinkedHashMap<>();
        devices.forEach((k, e) -> out.put(k, e.peripheral()));
        return out;
    }

    /**
     * Stops every ready device's outputs, waits (at most the stop timeout each) for those writes,
     * then disconnects it ({@link HandlerDevice#stopAndDisconnect}); each is then reported removed.
     *
     * @return completes when every device is disconnected; never fails
     */
    public CompletableFuture<Void> stopAll() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Entry<P> e : new ArrayList<>(devices.values())) {
            all.add(e.device().stopAndDisconnect(stopTimeout));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }
}
