package io.github.buttplugjava.core.device;

import java.util.concurrent.CompletableFuture;

/**
 * Something that finds devices: a BLE adapter, another Buttplug server, a remote agent, a
 * simulation.
 *
 * <p>Lifecycle: {@link #start(DeviceSourceListener)} once; then any number of scans; then
 * {@link #close()}, which stops and releases every device (each reported removed). A source may
 * report devices at start without a scan (e.g. devices another server already has).
 */
public interface DeviceSource extends AutoCloseable {

    /**
     * A short name for logs, e.g. {@code "sim"} or {@code "bluez"}.
     *
     * @return the source's name, never null
     */
    String name();

    /**
     * Starts the source. Device events go to {@code listener}, serially, never on the caller's
     * thread for events caused by later I/O.
     *
     * @param listener receives the source's device events from now on
     * @throws IllegalStateException when already started
     */
    void start(DeviceSourceListener listener);

    /**
     * Starts looking for devices; found ones are reported to the listener.
     *
     * @return a future completing when scanning has begun, or failing when the source cannot scan
     */
    CompletableFuture<Void> startScanning();

    /**
     * Stops looking for devices.
     *
     * @return a future completing when scanning has stopped
     */
    CompletableFuture<Void> stopScanning();

    /** Stops every device of this source and releases it. Idempotent. */
    @Override
    void close();
}
