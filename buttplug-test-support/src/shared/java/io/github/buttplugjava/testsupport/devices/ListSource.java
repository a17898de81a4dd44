package io.github.buttplugjava.testsupport.devices;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.util.concurrent.CompletableFuture;

/**
 * A device source whose devices the test adds and removes by hand; the events reach the listener
 * at once, on the test's thread.
 */
public final class ListSource implements DeviceSource {

    private final boolean finishesScans;
    private volatile DeviceSourceListener listener;
    private volatile boolean closed;

    /** A source whose scans never report finishing. */
    public ListSource() {
        this(false);
    }

    private ListSource(boolean finishesScans) {
        this.finishesScans = finishesScans;
    }

    /**
     * A source whose scans report finishing at once.
     *
     * @return the source
     */
    public static ListSource finishingScans() {
        return new ListSource(true);
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        this.listener = listener;
    }

    /**
     * Reports {@code device} added.
     *
     * @param device the device
     */
    public void add(Device device) {
        listener.deviceAdded(device);
    }

    /**
     * Reports {@code device} removed.
     *
     * @param device the device
     */
    public void remove(Device device) {
        listener.deviceRemoved(device);
    }

    /** Reports the end of a scan, as a source whose scan has run its course does. */
    public void finishScan() {
        listener.scanningFinished();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return whether closed
     */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        if (finishesScans) {
            listener.scanningFinished();
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        closed = true;
    }
}
