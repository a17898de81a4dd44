package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The bookkeeping every peripheral of a link that is not BLE shares (a serial port, a HID device,
 * a toy behind the Lovense dongle or the Lovense app): one {@link PseudoService}, writes to its
 * {@code tx} checked for their characteristic and size and refused once the link is gone, one
 * {@code rx} listener, and the "gone" handling. A subclass sends the bytes ({@link #send}) and
 * says when its link is lost ({@link #lost}).
 *
 * <p>The link is lost once: when the subclass reports it, or by {@link #disconnect()}. Then later
 * writes fail with a {@link BleException} ("... is disconnected") and each disconnect listener runs
 * once, on the thread that saw the loss (a listener added later runs at once). A listener that
 * throws is logged. Thread-safe; the lock is the peripheral itself.
 */
public abstract class PseudoPeripheral implements BlePeripheral {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String address;
    private final String name;
    private final String what;
    private final PseudoService layout;
    private final int minWrite;
    private final int maxWrite;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> rxListener;
    private volatile boolean connected = true;

    /**
     * A connected peripheral.
     *
     * @param address the link's address (a port path, a serial number, a toy id)
     * @param name the name the protocol identifies the device by
     * @param what how messages and logs name the link, e.g. {@code "serial port /dev/ttyACM0"}; text
     *             from a peer in it must already be escaped and capped
     * @param layout the pseudo-service
     * @param minWrite the fewest bytes one write takes
     * @param maxWrite the most bytes one write takes
     */
    protected PseudoPeripheral(String address, String name, String what, PseudoService layout, int minWrite,
                               int maxWrite) {
        this.address = Objects.requireNonNull(address, "address");
        this.name = Objects.requireNonNull(name, "name");
        this.what = Objects.requireNonNull(what, "what");
        this.layout = Objects.requireNonNull(layout, "layout");
        if (minWrite < 0 || maxWrite < minWrite) {
            throw new IllegalArgumentException("write sizes " + minWrite + ".." + maxWrite);
        }
        this.minWrite = minWrite;
        this.maxWrite = maxWrite;
    }

    /**
     * Sends one write to {@code tx}: its characteristic, size and the link were checked already.
     * A subclass that queues it must check {@link #isConnected()} again under the peripheral's
     * lock, as {@link #lost} clears queues under it.
     *
     * @param data the bytes, owned by the caller (copy them to keep them)
     * @return completes when the bytes were handed on; fails with a {@link BleException}
     */
    protected abstract CompletableFuture<Void> send(byte[] data);

    /**
     * Runs under the peripheral's lock while {@link #lost} marks the link gone: a subclass takes
     * its queued writes out here.
     *
     * @return what to do after the lock is released (fail the writes taken out), run before the
     *         disconnect listeners
     */
    protected Runnable drop() {
        return () -> { };
    }

    /**
     * What {@link #disconnect()} returns after it marked the link gone.
     *
     * @return completes when the link's resources are released; at once unless a subclass says otherwise
     */
    protected CompletableFuture<Void> released() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public final String address() {
        return address;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * How messages and logs name the link.
     *
     * @return e.g. {@code "HID device Joy-Con (L)"}
     */
    public final String what() {
        return what;
    }

    @Override
    public final Map<UUID, Set<UUID>> services() {
        return layout.services();
    }

    @Override
    public final CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        if (!layout.tx().equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException(what + " cannot write " + characteristic));
        }
        if (data.length < minWrite || data.length > maxWrite) {
            return CompletableFuture.failedFuture(new BleException("a write to " + what + " is " + minWrite + ".."
                    + maxWrite + " bytes, got " + data.length));
        }
        if (!connected) {
            return CompletableFuture.failedFuture(gone());
        }
        return send(data);
    }

    /** No readable endpoint by default. */
    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        return CompletableFuture.failedFuture(new BleException(what + " has no readable endpoint"));
    }

    /** Makes {@code listener} the one listener of {@code rx}, replacing any earlier one. */
    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        if (!layout.rx().equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException(what + " cannot notify " + characteristic));
        }
        rxListener = Objects.requireNonNull(listener, "listener");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public final CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        if (layout.rx().equals(characteristic)) {
            rxListener = null;
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Hands bytes from the device to the {@code rx} listener, if there is one and the link is up; a
     * listener that throws is logged.
     *
     * @param data the bytes, not copied
     */
    protected final void deliver(byte[] data) {
        Consumer<byte[]> l = rxListener;
        if (l != null && connected) {
            try {
                l.accept(data);
            } catch (RuntimeException e) {
                log.warn("rx listener of {} failed", what, e);
            }
        }
    }

    @Override
    public final void onDisconnect(Runnable listener) {
        disconnectListeners.add(Objects.requireNonNull(listener, "listener"));
        if (!connected && disconnectListeners.remove(listener)) {
            listener.run();
        }
    }

    @Override
    public final boolean isConnected() {
        return connected;
    }

    /**
     * Marks the link gone and returns {@link #released()}.
     *
     * @return completes when the link's resources are released
     */
    @Override
    public final CompletableFuture<Void> disconnect() {
        lost("closed by the library");
        return released();
    }

    /**
     * Marks the link gone: takes queued writes out ({@link #drop()}) and fails them, then runs the
     * disconnect listeners once. Only the first call acts.
     *
     * @param why for the log
     */
    public final void lost(String why) {
        Runnable dropped;
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
            dropped = drop();
        }
        log.info("{} is gone: {}", what, why);
        dropped.run();
        for (Runnable r : disconnectListeners) {
            if (!disconnectListeners.remove(r)) {
                continue; // onDisconnect ran it already
            }
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("disconnect listener of {} failed", what, e);
            }
        }
    }

    /**
     * The exception of a write (or read) on a link that is gone.
     *
     * @return a new exception naming the link
     */
    protected final BleException gone() {
        return new BleException(what + " is disconnected");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + what + "]";
    }
}
