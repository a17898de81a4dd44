package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.core.internal.SerialExecutor;
import org.bluez.Adapter1;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link BleAdapter} over BlueZ's D-Bus API ({@code org.bluez}), pure Java (bluez-dbus interfaces,
 * dbus-java with its native Unix-socket transport). Linux only; needs bluetoothd and a user allowed
 * to talk to it on the system bus.
 *
 * <p>Nothing touches the bus until the first {@link #startScan}, {@link #connect} or {@link #open};
 * a missing bus, a missing BlueZ, a missing or switched-off adapter or a D-Bus permission problem then
 * fails that future with a {@link BleException} saying which. Writes honour {@code withResponse}
 * (BlueZ write type {@code request} or {@code command}).
 *
 * <p>Thread-safe. D-Bus calls run on an I/O executor (the one given, or a cached pool of daemon
 * threads owned by this adapter); scan results and notifications are delivered serially on it.
 */
public final class BluezBleAdapter implements BleAdapter {
    private static final Logger log = LoggerFactory.getLogger(BluezBleAdapter.class);
    private static final Set<String> ADVERTISED = Set.of("Name", "Alias", "RSSI", "ManufacturerData", "UUIDs");

    private final BluezOptions options;
    private final ExecutorService ownedIo;
    private final java.util.concurrent.Executor io;
    private final SerialExecutor scanResults;
    private final Map<String, BluezPeripheral> peripherals = new ConcurrentHashMap<>();
    private volatile Consumer<Advertisement> scanListener;
    private CompletableFuture<BluezSession> session;
    private boolean closed;

    /**
     * An adapter with its own I/O threads.
     *
     * @param options how to reach BlueZ
     */
    public BluezBleAdapter(BluezOptions options) {
        this(options, null);
    }

    /**
     * An adapter running its blocking D-Bus calls on {@code io} (not shut down by {@link #close()}).
     * {@code io} must allow a few concurrent tasks (a peripheral's notifications arrive while
     * another call waits).
     *
     * @param options how to reach BlueZ
     * @param io runs the blocking D-Bus calls and delivers results; null for the adapter's own
     *         threads
     */
    public BluezBleAdapter(BluezOptions options, ExecutorService io) {
        this.options = Objects.requireNonNull(options, "options");
        this.ownedIo = io == null ? Executors.newCachedThreadPool(daemonThreads()) : null;
        this.io = io == null ? ownedIo : io;
        this.scanResults = SerialExecutor.droppingWhenRejected(this.io);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "bluez-io-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String name() {
        return "bluez " + options.adapterName().orElse("(first adapter)");
    }

    /**
     * Connects to the bus and finds the adapter now rather than at first use.
     *
     * @return completes when BlueZ and the adapter are there; fails with {@link BleException}
     */
    public CompletableFuture<Void> open() {
        return session().thenApply(s -> null);
    }

    private synchronized CompletableFuture<BluezSession> session() {
        if (closed) {
            return CompletableFuture.failedFuture(new BleException(name() + " is closed"));
        }
        if (session == null || session.isCompletedExceptionally()) {
            session = CompletableFuture.supplyAsync(() -> BluezSession.open(options, new Events()), io);
        }
        return session;
    }

    @Override
    public CompletableFuture<Void> startScan(Consumer<Advertisement> listener) {
        Objects.requireNonNull(listener, "listener");
        return session().thenAcceptAsync(s -> {
            ensurePowered(s);
            Adapter1 adapter = s.remote(s.adapterPath(), Adapter1.class);
            try {
                adapter.SetDiscoveryFilter(discoveryFilter());
            } catch (DBusException | RuntimeException e) {
                log.warn("BlueZ refused the discovery filter; scanning without it: {}", e.getMessage());
            }
            scanListener = listener;
            try {
                adapter.StartDiscovery();
            } catch (DBusException | RuntimeException e) {
                if (!BluezErrors.isInProgress(e)) {
                    scanListener = null;
                    throw BluezErrors.toBle("start scanning on " + s.adapterPath(), e);
                }
            }
            log.info("scanning on {}", s.adapterPath());
            s.refresh();
            for (String device : s.pathsUnder(s.adapterPath(), BluezSession.DEVICE)) {
                report(s, device);
            }
        }, io);
    }

    private void ensurePowered(BluezSession s) {
        boolean powered = BluezValues.bool(s.properties(s.adapterPath(), BluezSession.ADAPTER), "Powered");
        if (powered) {
            return;
        }
        if (!options.powerOn()) {
            throw new BleException("Bluetooth adapter " + s.adapterPath() + " is switched off (switch it on, or"
                    + " let this adapter do it with BluezOptions.withPowerOn(true))");
        }
        log.info("switching adapter {} on", s.adapterPath());
        try {
            s.setProperty(s.adapterPath(), BluezSession.ADAPTER, "Powered", Boolean.TRUE);
        } catch (RuntimeException e) {
            throw BluezErrors.toBle("switch adapter " + s.adapterPath() + " on", e);
        }
    }

    private Map<String, Variant<?>> discoveryFilter() {
        BluezDiscoveryFilter filter = options.discoveryFilter();
        Map<String, Variant<?>> query = new HashMap<>();
        query.put("Transport", new Variant<>(filter.transport()));
        if (!filter.serviceUuids().isEmpty()) {
            query.put("UUIDs", new Variant<>(filter.serviceUuids().stream().map(Object::toString)
                    .toArray(String[]::new)));
        }
        filter.rssi().ifPresent(rssi -> query.put("RSSI", new Variant<>((short) rssi)));
        return query;
    }

    private void report(BluezSession s, String devicePath) {
        Consumer<Advertisement> listener = scanListener;
        Map<String, Variant<?>> props = s.properties(devicePath, BluezSession.DEVICE);
        if (listener == null || !props.containsKey("Address")) {
            return;
        }
        Advertisement advertisement = BluezValues.advertisement(props);
        scanResults.execute(() -> {
            if (scanListener == listener) {
                listener.accept(advertisement);
            }
        });
    }

    @Override
    public CompletableFuture<Void> stopScan() {
        CompletableFuture<BluezSession> current;
        synchronized (this) {
            current = session;
        }
        if (scanListener == null || current == null) {
            scanListener = null;
            return CompletableFuture.completedFuture(null);
        }
        scanListener = null;
        return current.thenAcceptAsync(s -> {
            try {
                s.remote(s.adapterPath(), Adapter1.class).StopDiscovery();
                log.info("stopped scanning on {}", s.adapterPath());
            } catch (DBusException | RuntimeException e) {
                log.debug("StopDiscovery: {}", e.getMessage());
            }
        }, io);
    }

    @Override
    public CompletableFuture<BlePeripheral> connect(String address) {
        Objects.requireNonNull(address, "address");
        return session().thenComposeAsync(s -> {
            String path = devicePath(s, address);
            BluezPeripheral peripheral = new BluezPeripheral(s, path, address,
                    BluezValues.advertisement(s.properties(path, BluezSession.DEVICE)).name(), io);
            BluezPeripheral previous = peripherals.put(path, peripheral);
            if (previous != null) {
                previous.lost("replaced by a new connection");
            }
            // stays known (so close() waits for it) until BlueZ has been told to disconnect
            peripheral.onDisconnect(() -> peripheral.disconnect()
                    .whenComplete((v, e) -> peripherals.remove(path, peripheral)));
            return peripheral.connect(options.serviceDiscoveryTimeout());
        }, io);
    }

    private static String devicePath(BluezSession s, String address) {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (String path : s.pathsUnder(s.adapterPath(), BluezSession.DEVICE)) {
                String known = BluezValues.string(s.properties(path, BluezSession.DEVICE), "Address", "");
                if (known.equalsIgnoreCase(address)) {
                    return path;
                }
            }
            s.refresh();
        }
        throw new BleException("no peripheral " + address + " known to BlueZ on " + s.adapterPath()
                + " (scan for it first; it may be out of range)");
    }

    @Override
    public void close() {
        CompletableFuture<BluezSession> current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = session;
        }
        CompletableFuture<Void> stopped = stopScan();
        List<CompletableFuture<Void>> disconnects = new ArrayList<>();
        disconnects.add(stopped);
        peripherals.values().forEach(p -> disconnects.add(p.disconnect()));
        CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new))
                .orTimeout(5, TimeUnit.SECONDS)
                .whenComplete((v, e) -> {
                    if (current != null) {
                        current.thenAccept(BluezSession::close);
                    }
                    if (ownedIo != null) {
                        ownedIo.shutdown();
                    }
                });
    }

    /** Routes BlueZ's signals to the scan listener and the connected peripherals. */
    private final class Events implements BluezSession.Events {
        private BluezSession session() {
            CompletableFuture<BluezSession> current;
            synchronized (BluezBleAdapter.this) {
                current = BluezBleAdapter.this.session;
            }
            return current == null ? null : current.getNow(null);
        }

        @Override
        public void interfacesAdded(String path, Map<String, Map<String, Variant<?>>> interfaces) {
            BluezSession s = session();
            if (s != null && interfaces.containsKey(BluezSession.DEVICE) && path.startsWith(s.adapterPath() + "/")) {
                report(s, path);
            }
        }

        @Override
        public void interfacesRemoved(String path, List<String> interfaces) {
            BluezPeripheral peripheral = peripherals.get(path);
            if (peripheral != null && interfaces.contains(BluezSession.DEVICE)) {
                peripheral.lost("the peripheral vanished");
            }
            if (interfaces.contains(BluezSession.ADAPTER)) {
                peripherals.values().forEach(p -> p.lost("the Bluetooth adapter vanished"));
                scanListener = null;
            }
        }

        @Override
        public void propertiesChanged(String path, String iface, Map<String, Variant<?>> changed) {
            for (BluezPeripheral p : peripherals.values()) {
                if (path.equals(p.path()) || path.startsWith(p.path() + "/")) {
                    p.propertiesChanged(path, iface, changed);
                }
            }
            BluezSession s = session();
            if (s != null && BluezSession.DEVICE.equals(iface) && !java.util.Collections.disjoint(changed.keySet(), ADVERTISED)) {
                report(s, path);
            }
        }
    }
}
