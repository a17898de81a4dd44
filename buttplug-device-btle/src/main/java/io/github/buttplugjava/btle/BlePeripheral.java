package io.github.buttplugjava.btle;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A connected BLE peripheral: GATT I/O by service and characteristic UUID.
 *
 * <p>Thread-safe; methods never block. Once the peripheral disconnects (by {@link #disconnect()} or
 * on its own) every pending and later operation fails with {@link BleException}, and each
 * disconnect listener runs once.
 */
public interface BlePeripheral {

    /** The peripheral's address; private, never show it to remote parties. */
    String address();

    /** The advertised name it was connected under. */
    String name();

    /** Services discovered at connect: service UUID to its characteristic UUIDs. */
    Map<UUID, Set<UUID>> services();

    /**
     * Writes to a characteristic.
     *
     * @param withResponse write with response (request) rather than without (command); a backend
     *                     that cannot choose documents what it does
     */
    CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse);

    /** Reads a characteristic's value. */
    CompletableFuture<byte[]> read(UUID service, UUID characteristic);

    /**
     * Subscribes to notifications (or indications) of a characteristic. Values go to
     * {@code listener} serially; a new subscription replaces the listener.
     */
    CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener);

    /** Ends a subscription; completes normally when there was none. */
    CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic);

    /** Adds a listener run once when the peripheral disconnects, for any reason. */
    void onDisconnect(Runnable listener);

    /** Whether the peripheral is connected. */
    boolean isConnected();

    /** Disconnects; idempotent. */
    CompletableFuture<Void> disconnect();
}
