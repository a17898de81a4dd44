package io.github.buttplugjava.btle.tinyb;

import io.github.buttplugjava.btle.Advertisement;
import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.core.internal.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tinyb.BluetoothAdapter;
import tinyb.BluetoothDevice;
import tinyb.BluetoothManager;
import tinyb.TransportType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link BleAdapter} over TinyB (Intel's C++/JNI BlueZ client, as bundled by
 * {@code org.sputnikdev:bluetooth-manager-tinyb} with its native libraries for Linux x86_64, x86_32
 * and 32-bit ARM). TinyB talks to BlueZ on the system bus, whose address it takes from
 * {@code $DBUS_SYSTEM_BUS_ADDRESS} once per JVM.
 *
 * <p><b>Write type:</b> TinyB cannot choose between write with and without response. Every write is
 * a BlueZ {@code WriteValue} without a {@code type}, which BlueZ sends as a write request (with
 * response) when the characteristic allows it; {@code withResponse} is ignored. Protocols that rely
 * on write-without-response (Lovense, most toys) still work but each write waits for the ATT
 * response; a characteristic that only allows write-without-response gets a command. Prefer
 * {@code BluezBleAdapter} on Linux.
 *
 * <p>Nothing native is loaded until the first {@link #startScan} or {@link #connect}; a missing
 * native library, bus, BlueZ or adapter then fails that future with a {@link BleException}.
 * TinyB has no "device found" callback, so a scan polls the device list every
 * {@link TinyBOptions#scanPollInterval()}. Thread-safe; TinyB's native layer is not, so every TinyB
 * call of every adapter in the JVM runs on one shared thread (peripherals connect one after
 * another); results and notifications are delivered serially on the I/O executor.
 *
 * <p><b>TinyB's callbacks race with its own event thread</b>, so its peripherals differ from
 * BlueZ's in two ways: a dropped link is noticed by polling, within 200 ms; and
 * {@code unsubscribe} stops delivery to the listener but not the peripheral's notifications, which
 * go on until the link ends (docs/BLE.md, "TinyB races with its own event thread").
 */
public final class TinyBBleAdapter implements BleAdapter {
    private static final Logger log = LoggerFactory.getLogger(TinyBBleAdapter.class);

    private final TinyBOptions options;
    private final ExecutorService ownedIo;
    private final java.util.concurrent.Executor io;
    private final ScheduledExecutorService poller;
    /** How long a connect waits for TinyB to learn of a peripheral BlueZ has just created. */
    private static final Duration LOOKUP_GRACE = Duration.ofSeconds(2);
    private final SerialExecutor scanResults;
    private final Map<String, TinyBPeripheral> peripherals = new ConcurrentHashMap<>();
    private final Map<String, Advertisement> lastSeen = new ConcurrentHashMap<>();
    private volatile Consumer<Advertisement> scanListener;
    private final java.util.concurrent.atomic.AtomicBoolean pollQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private ScheduledFuture<?> scanPoll;
    private CompletableFuture<BluetoothAdapter> adapter;
    private volatile boolean closed;

    /**
     * An adapter with its own I/O threads.
     *
     * @param options how to use TinyB
     */
    public TinyBBleAdapter(TinyBOptions options) {
        this(options, null);
    }

    /**
     * An adapter delivering results and notifications on {@code io} (not shut down by {@link
     * #close()}).
     *
     * @param options how to use TinyB
     * @param io runs the blocking TinyB calls and delivers results; null for the adapter's own
     *         threads
     */
    public TinyBBleAdapter(TinyBOptions options, ExecutorService io) {
        this.options = Objects.requireNonNull(options, "options");
        this.ownedIo = io == null ? Executors.newCachedThreadPool(threads("tinyb-io")) : null;
        this.io = io == null ? ownedIo : io;
        this.poller = Executors.newSingleThreadScheduledExecutor(threads("tinyb-scan"));
        this.scanResults = SerialExecutor.droppingWhenRejected(this.io);
    }

    private static java.util.concurrent.ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String name() {
        return "tinyb " + options.adapterInterface().orElse("(first adapter)");
    }

    /**
     * Loads TinyB and finds the adapter now rather than at first use.
     *
     * @return fails with {@link BleException} when TinyB, BlueZ or the adapter is missing
     */
    public CompletableFuture<Void> open() {
        return adapter().thenApply(a -> null);
    }

    private synchronized CompletableFuture<BluetoothAdapter> adapter() {
        if (closed) {
            return CompletableFuture.failedFuture(new BleException(name() + " is closed"));
        }
        if (adapter == null || adapter.isCompletedExceptionally()) {
            adapter = CompletableFuture.supplyAsync(this::findAdapter, TinyBThread.CALLS);
        }
        return adapter;
    }

    private BluetoothAdapter findAdapter() {
        TinyBNatives.load();
        if (BluetoothManager.class.getPackage().getSpecificationVersion() == null) {
            // TinyB compares it with the native library's version and throws a NullPointerException
            throw new BleException("TinyB's jar manifest is missing (Specification-Version of package tinyb):"
                    + " in a shaded jar, set the manifest entry Specification-Version to "
                    + TinyBNatives.SPECIFICATION_VERSION + " (see docs/BLE.md)");
        }
        BluetoothManager manager;
        try {
            manager = BluetoothManager.getBluetoothManager();
        } catch (RuntimeException e) {
            throw new BleException("TinyB cannot reach BlueZ on the D-Bus system bus ("
                    + e.getMessage() + "); is bluetoothd running, and is an adapter present?", e);
        }
        List<BluetoothAdapter> adapters = PeripheralCalls.call("list adapters", manager::getAdapters);
        BluetoothAdapter chosen = null;
        try {
            if (adapters.isEmpty()) {
                throw new BleException("no Bluetooth adapter: BlueZ reports none");
            }
            if (options.adapterInterface().isEmpty()) {
                chosen = adapters.get(0);
                return chosen;
            }
            List<String> names = new ArrayList<>();
            for (BluetoothAdapter a : adapters) {
                if (a.getInterfaceName().equals(options.adapterInterface().get())) {
                    chosen = a;
                    return chosen;
                }
                names.add(a.getInterfaceName());
            }
            throw new BleException("no Bluetooth adapter " + options.adapterInterface().get() + "; BlueZ has " + names);
        } finally {
            NativeWrappers.closeAllBut(adapters, chosen);
        }
    }

    @Override
    public CompletableFuture<Void> startScan(Consumer<Advertisement> listener) {
        Objects.requireNonNull(listener, "listener");
        return adapter().thenAcceptAsync(a -> {
            // the adapter's object as TinyB has it now: TinyB caches properties per object, and the
            // object looked up earlier may be one BlueZ has since replaced (its Powered then stale)
            BluetoothAdapter now = findAdapter();
            try {
                boolean seenOn = now.getPowered();
                if (!seenOn && !options.powerOn()) {
                    throw new BleException("Bluetooth adapter " + now.getInterfaceName() + " is switched off");
                }
                if (options.powerOn()) {
                    // setting Powered when it is on already is harmless, so do not trust the cache
                    if (!seenOn) {
                        log.info("switching adapter {} on", now.getInterfaceName());
                    }
                    PeripheralCalls.call("switch adapter on", () -> {
                        now.setPowered(true);
                        return null;
                    });
                }
            } finally {
                NativeWrappers.close(now);
            }
            if (!options.serviceUuids().isEmpty()) {
                PeripheralCalls.call("set the discovery filter", () -> {
                    a.setDiscoveryFilter(List.copyOf(options.serviceUuids()), 0, 0, TransportType.LE);
                    return null;
                });
            }
            lastSeen.clear();
            scanListener = listener;
            try {
                a.startDiscovery();
            } catch (RuntimeException e) {
                String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (!text.contains("in progress")) {
                    scanListener = null;
                    throw new BleException("start scanning on " + a.getInterfaceName() + ": " + e.getMessage(), e);
                }
            }
            synchronized (this) {
                if (scanPoll != null) {
                    scanPoll.cancel(false);
                }
                long every = options.scanPollInterval().toMillis();
                scanPoll = poller.scheduleWithFixedDelay(() -> {
                    if (pollQueued.compareAndSet(false, true)) {
                        TinyBThread.CALLS.execute(() -> {
                            pollQueued.set(false);
                            poll(a);
                        });
                    }
                }, 0, every, TimeUnit.MILLISECONDS);
            }
            log.info("scanning on {} (TinyB)", a.getInterfaceName());
        }, TinyBThread.CALLS);
    }

    private void poll(BluetoothAdapter a) {
        Consumer<Advertisement> listener = scanListener;
        if (listener == null || closed) {
            return;
        }
        List<BluetoothDevice> listed = List.of();
        try {
            listed = a.getDevices();
            for (BluetoothDevice d : listed) {
                Advertisement ad = advertisement(d);
                if (!ad.equals(lastSeen.put(ad.address(), ad))) {
                    scanResults.execute(() -> {
                        if (scanListener == listener) {
                            listener.accept(ad);
                        }
                    });
                }
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("scan result after close dropped");
        } catch (RuntimeException e) {
            log.warn("TinyB device poll failed: {}", e.getMessage());
        } finally {
            NativeWrappers.closeAllBut(listed, null);
        }
    }

    private static Advertisement advertisement(BluetoothDevice d) {
        Map<Integer, byte[]> data = new HashMap<>();
        d.getManufacturerData().forEach((k, v) -> data.put(k & 0xffff, v));
        Set<UUID> uuids = new LinkedHashSet<>();
        for (String u : d.getUUIDs()) {
            try {
                uuids.add(UUID.fromString(u));
            } catch (IllegalArgumentException e) {
                // not a 128-bit UUID: nothing a protocol matches on
            }
        }
        short rssi = d.getRSSI();
        String name = d.getName();
        return new Advertisement(d.getAddress(), name == null ? "" : name, data, uuids,
                rssi == 0 ? OptionalInt.empty() : OptionalInt.of(rssi));
    }

    @Override
    public CompletableFuture<Void> stopScan() {
        CompletableFuture<BluetoothAdapter> current;
        synchronized (this) {
            if (scanPoll != null) {
                scanPoll.cancel(false);
                scanPoll = null;
            }
            current = adapter;
        }
        boolean wasScanning = scanListener != null;
        scanListener = null;
        if (!wasScanning || current == null) {
            return CompletableFuture.completedFuture(null);
        }
        return current.thenAcceptAsync(a -> {
            try {
                a.stopDiscovery();
                log.info("stopped scanning on {} (TinyB)", a.getInterfaceName());
            } catch (RuntimeException e) {
                log.debug("stopDiscovery: {}", e.getMessage());
            }
        }, TinyBThread.CALLS);
    }

    @Override
    public CompletableFuture<BlePeripheral> connect(String address) {
        Objects.requireNonNull(address, "address");
        return adapter().thenComposeAsync(a -> lookUp(a, address, System.nanoTime() + LOOKUP_GRACE.toNanos())
                .thenComposeAsync(device -> connect(a, address, device), TinyBThread.CALLS), TinyBThread.CALLS);
    }

    /**
     * The peripheral's object as TinyB knows it. TinyB learns of BlueZ's objects asynchronously, so a
     * peripheral BlueZ has just (re-)created may be missing for a moment: look again every 50 ms (on
     * the TinyB thread, never blocking it) until {@code deadlineNanos}, then fail.
     */
    private CompletableFuture<BluetoothDevice> lookUp(BluetoothAdapter a, String address, long deadlineNanos) {
        BluetoothDevice found = NativeWrappers.keepDevice(a.getDevices(), address);
        if (found != null) {
            return CompletableFuture.completedFuture(found);
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            return CompletableFuture.failedFuture(new BleException("no peripheral " + address + " known to BlueZ on "
                    + a.getInterfaceName() + " (scan for it first; it may be out of range)"));
        }
        CompletableFuture<BluetoothDevice> later = new CompletableFuture<>();
        try {
            poller.schedule(() -> TinyBThread.CALLS.execute(() -> lookUp(a, address, deadlineNanos).whenComplete((d, e) -> {
                if (e != null) {
                    later.completeExceptionally(e);
                } else {
                    later.complete(d);
                }
            })), 50, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            later.completeExceptionally(new BleException("the TinyB adapter is closed", e));
        }
        return later;
    }

    /** Connects to the peripheral's object; on the TinyB thread. */
    private CompletableFuture<BlePeripheral> connect(BluetoothAdapter a, String address, BluetoothDevice device) {
        TinyBPeripheral peripheral = new TinyBPeripheral(device, a::getDevices, device.getAddress(), device.getName(),
                TinyBThread.CALLS, io, older -> {
                    TinyBPeripheral now = peripherals.get(address);
                    return now != null && now != older && now.isConnected();
                });
        TinyBPeripheral previous = peripherals.put(address, peripheral);
        if (previous != null) {
            previous.lost("replaced by a new connection");
        }
        peripheral.onDisconnect(() -> peripherals.remove(address, peripheral));
        return peripheral.connect(options.serviceDiscoveryTimeout());
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        pending.add(stopScan());
        peripherals.values().forEach(p -> pending.add(p.disconnect()));
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .orTimeout(5, TimeUnit.SECONDS)
                .whenComplete((v, e) -> {
                    poller.shutdown();
                    if (ownedIo != null) {
                        ownedIo.shutdown();
                    }
                });
    }
}
