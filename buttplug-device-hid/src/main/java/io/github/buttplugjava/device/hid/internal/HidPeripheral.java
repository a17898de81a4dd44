package io.github.buttplugjava.device.hid.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.device.hid.HidPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * An open HID device as a peripheral with one pseudo-service: a write to {@code tx} is an output
 * report (first byte the report id), written by one writer thread from a bounded queue; input
 * reports read by one reader thread are {@code rx} notifications. The UUIDs are names inside this
 * library only.
 *
 * <p>The device is lost when a read or a write reports it gone: queued writes fail with a
 * {@link BleException}, later ones fail at once, and the disconnect listeners run.
 * {@link #disconnect()} does the same on purpose. A full queue fails the new write.
 */
public final class HidPeripheral implements BlePeripheral {

    private static final Logger log = LoggerFactory.getLogger(HidPeripheral.class);

    /** The pseudo-service of a HID device. */
    public static final UUID SERVICE = UUID.fromString("68696464-0000-4000-8000-000000000000");
    /** The characteristic that writes output reports. */
    public static final UUID TX = UUID.fromString("68696464-0000-4000-8000-000000000001");
    /** The characteristic whose notifications are input reports. */
    public static final UUID RX = UUID.fromString("68696464-0000-4000-8000-000000000002");
    /** The most reports waiting for the writer thread. */
    public static final int MAX_QUEUED_WRITES = 16;
    /** The largest report written. */
    public static final int MAX_REPORT = 1024;
    /** How long one read waits, so the reader notices a close. */
    static final int READ_TIMEOUT_MS = 100;

    private static final BtleSpecifier SPECIFIER = new BtleSpecifier(List.of(), List.of(), Set.of(),
            Map.of(SERVICE, Map.of(Endpoint.TX, TX, Endpoint.RX, RX)));

    private record PendingWrite(byte[] data, CompletableFuture<Void> done) {
    }

    private final String address;
    private final String name;
    private final HidPort port;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private boolean connected = true;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> rxListener;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private HidPeripheral(String address, String name, HidPort port) {
        this.address = address;
        this.name = name;
        this.port = port;
    }

    /**
     * Starts the reader and writer threads over an open device.
     *
     * @param address the device's address (its serial number)
     * @param name the device's product name
     * @param port the open device; closed by this peripheral
     * @param threads makes the two threads
     * @return the connected peripheral
     */
    public static HidPeripheral start(String address, String name, HidPort port, ThreadFactory threads) {
        HidPeripheral p = new HidPeripheral(Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(name, "name"), Objects.requireNonNull(port, "port"));
        threads.newThread(p::readLoop).start();
        threads.newThread(p::writeLoop).start();
        return p;
    }

    /**
     * The endpoint layout for {@link io.github.buttplugjava.btle.HandlerDevice#open}.
     *
     * @return {@code tx} and {@code rx} on the pseudo-service
     */
    public static BtleSpecifier specifier() {
        return SPECIFIER;
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
        return Map.of(SERVICE, Set.of(TX, RX));
    }

    @Override
    public CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        if (!TX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("HID device " + name + " cannot write " + characteristic));
        }
        if (data.length == 0 || data.length > MAX_REPORT) {
            return CompletableFuture.failedFuture(new BleException("a HID report is 1.." + MAX_REPORT + " bytes, got "
                    + data.length));
        }
        PendingWrite w = new PendingWrite(data.clone(), new CompletableFuture<>());
        synchronized (this) {
            if (!connected) {
                return CompletableFuture.failedFuture(gone());
            }
            if (queue.size() >= MAX_QUEUED_WRITES) {
                return CompletableFuture.failedFuture(new BleException("write queue of HID device " + name
                        + " is full (" + queue.size() + " reports)"));
            }
            queue.addLast(w);
            notifyAll();
        }
        return w.done();
    }

    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        return CompletableFuture.failedFuture(new BleException("HID device " + name + " has no readable endpoint"));
    }

    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        if (!RX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("HID device " + name + " cannot notify " + characteristic));
        }
        rxListener = Objects.requireNonNull(listener, "listener");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        if (RX.equals(characteristic)) {
            rxListener = null;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onDisconnect(Runnable listener) {
        disconnectListeners.add(Objects.requireNonNull(listener, "listener"));
        if (!isConnected() && disconnectListeners.remove(listener)) {
            listener.run();
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return connected;
    }

    /**
     * Fails queued writes, runs the disconnect listeners and closes the device.
     *
     * @return completes once the reader thread has closed the device
     */
    @Override
    public CompletableFuture<Void> disconnect() {
        lost("closed by the library");
        return closed;
    }

    private void lost(String why) {
        List<PendingWrite> failed;
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
            failed = new ArrayList<>(queue);
            queue.clear();
            notifyAll();
        }
        log.info("HID device {} is gone: {}", name, why);
        BleException e = gone();
        failed.forEach(w -> w.done().completeExceptionally(e));
        for (Runnable r : disconnectListeners) {
            if (disconnectListeners.remove(r)) {
                try {
                    r.run();
                } catch (RuntimeException ex) {
                    log.warn("disconnect listener of HID device {} failed", name, ex);
                }
            }
        }
    }

    private BleException gone() {
        return new BleException("HID device " + name + " is disconnected");
    }

    private void readLoop() {
        byte[] buffer = new byte[MAX_REPORT];
        try {
            while (isConnected()) {
                int n = port.read(buffer, READ_TIMEOUT_MS);
                if (n < 0) {
                    lost("a read reports it is gone");
                    break;
                }
                Consumer<byte[]> l = rxListener;
                if (n > 0 && l != null) {
                    byte[] data = new byte[n];
                    System.arraycopy(buffer, 0, data, 0, n);
                    try {
                        l.accept(data);
                    } catch (RuntimeException e) {
                        log.warn("rx listener of HID device {} failed", name, e);
                    }
                }
            }
        } catch (RuntimeException e) {
            lost("read failed: " + e);
        } finally {
            port.close();
            closed.complete(null);
        }
    }

    private void writeLoop() {
        while (true) {
            PendingWrite w;
            synchronized (this) {
                while (connected && queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!connected) {
                    return;
                }
                w = queue.removeFirst();
            }
            int n;
            try {
                n = port.write(w.data());
            } catch (RuntimeException e) {
                n = -1;
            }
            if (n >= 0) {
                w.done().complete(null);
            } else {
                w.done().completeExceptionally(gone());
                lost("a write failed");
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "HidPeripheral[" + name + "]";
    }
}
