package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BlePeripheral;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SerialExecutor;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The lifecycle every device source of this library shares: one listener, set once by
 * {@code start}; scanning refused before that and after closing; closing done once, every call
 * answered with the same future; listener events delivered one at a time, in order, on the
 * source's executor (dropped once that executor is shut down). Thread-safe.
 */
public final class SourceState {

    private final SerialExecutor events;
    private volatile DeviceSourceListener listener;
    private volatile boolean closed;
    private CompletableFuture<Void> closing;

    /**
     * A source's state before {@code start}.
     *
     * @param executor runs the listener events, one at a time
     */
    public SourceState(Executor executor) {
        this.events = SerialExecutor.droppingWhenRejected(Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Sets the listener, as {@link io.github.buttplugjava.core.device.DeviceSource#start} does.
     *
     * @param listener receives the source's events
     * @throws IllegalStateException when the source was started already
     */
    public synchronized void start(DeviceSourceListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Starts a scan, unless the source is not started yet or closed.
     *
     * @param scan starts the scan; its future is returned
     * @return {@code scan}'s future; a failed future instead (an {@link IllegalStateException}
     *         before {@code start}, a {@link ButtplugDeviceException} once closed)
     */
    public CompletableFuture<Void> scan(Supplier<CompletableFuture<Void>> scan) {
        if (listener == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("start the source first"));
        }
        if (closed) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("device source is closed"));
        }
        return scan.get();
    }

    /**
     * Whether the source is started and not closed.
     *
     * @return true between {@link #start} and the first {@link #close}
     */
    public boolean isRunning() {
        return listener != null && !closed;
    }

    /**
     * Whether the source has started closing.
     *
     * @return true from the first {@link #close} on
     */
    public boolean isClosed() {
        return closed;
    }

    /** Tells the listener that a scan has ended (after the events queued before). */
    public void scanningFinished() {
        events.execute(() -> listener.scanningFinished());
    }

    /**
     * Tells the listener about a new device, then watches its peripheral: when the link ends and
     * {@code stillListed} agrees (it takes the device out of the source's own list), the listener
     * hears the device removed, always after it heard it added.
     *
     * @param device the new device
     * @param peripheral its link
     * @param stillListed takes the device out of the source's list; false when it was out already
     */
    public void announce(Device device, BlePeripheral peripheral, BooleanSupplier stillListed) {
        events.execute(() -> listener.deviceAdded(device));
        // registered after the added event is queued, so a removal is always reported after it
        peripheral.onDisconnect(() -> {
            if (stillListed.getAsBoolean()) {
                events.execute(() -> listener.deviceRemoved(device));
            }
        });
    }

    /**
     * Closes the source once: marks it closed, then runs {@code work} (stop the devices, release
     * the transport). Idempotent: every call returns the first call's future, and {@code work}
     * runs only on the first.
     *
     * @param work what closing does; its future says when it is done
     * @return completes when {@code work}'s future completes, whether or not it failed; never fails
     */
    public CompletableFuture<Void> close(Supplier<? extends CompletableFuture<?>> work) {
        CompletableFuture<Void> result;
        synchronized (this) {
            if (closing != null) {
                return closing;
            }
            closed = true;
            closing = new CompletableFuture<>();
            result = closing;
        }
        CompletableFuture<?> done;
        try {
            done = work.get();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((v, e) -> result.complete(null));
        return result;
    }
}
