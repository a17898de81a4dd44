package io.github.buttplugjava.btle;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One Bluetooth LE adapter (or a simulation of one).
 *
 * <p>Thread-safe. Scan results arrive serially on a thread of the backend; a peripheral seen again
 * may be reported again (callers de-duplicate by address).
 */
public interface BleAdapter extends AutoCloseable {

    /**
     * A short name for logs, e.g. {@code "bluez hci0"}.
     *
     * @return the adapter's name, never null
     */
    String name();

    /**
     * Starts scanning. Every advertisement seen (including peripherals already known to the
     * stack) goes to {@code listener} until {@link #stopScan()}.
     *
     * @param listener receives each advertisement, serially; must not block
     * @return completes when scanning runs; fails with {@link BleException} (e.g. no adapter,
     *         adapter off, permission denied)
     */
    CompletableFuture<Void> startScan(Consumer<Advertisement> listener);

    /**
     * Stops scanning; completes normally when no scan runs.
     *
     * @return a future completing when scanning has stopped
     */
    CompletableFuture<Void> stopScan();

    /**
     * Connects to a peripheral seen in a scan and discovers its services.
     *
     * @param address the address from its {@link Advertisement}
     * @return the connected peripheral; fails with {@link BleException} when it cannot connect
     */
    CompletableFuture<BlePeripheral> connect(String address);

    /** Stops scanning and disconnects every peripheral this adapter connected. Idempotent. */
    @Override
    void close();
}
