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

    /**
     * The peripheral's address; private, never show it to remote parties.
     *
     * @return the address, never null
     */
    String address();

    /**
     * The advertised name it was connected under.
     *
     * @return the name, may be empty, never null
     */
    String name();

    /**
     * Services discovered at connect: service UUID to its characteristic UUIDs.
     *
     * @return the discovered layout, unmodifiable
     */
    Map<UUID, Set<UUID>> services();

    /**
     * Writes to a characteristic.
     *
     * @param withResponse write with response (request) rather than without (command); a backend
     *                     that cannot choose documents what it does
     * @param service the service UUID
     * @param characteristic the characteristic UUID within that service
     * @param data the bytes to write
     * @return a future completing when the write is done (acknowledged, for a write with response);
     *         fails with {@link BleException}
     */
    CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse);

    /**
     * Reads a characteristic's value.
     *
     * @param service the service UUID
     * @param characteristic the characteristic UUID within that service
     * @return a future completing with the value; fails with {@link BleException}
     */
    CompletableFuture<byte[]> read(UUID service, UUID characteristic);

    /**
     * Subscribes to notifications (or indications) of a characteristic. Values go to
     * {@code listener} serially; a new subscription replaces the listener.
     *
     * @param service the service UUID
     * @param characteristic the characteristic UUID within that service
     * @param listener receives each value; must not block
     * @return a future completing when notifications are on; fails with {@link BleException}
     */
    CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener);

    /**
     * Ends a subscription; completes normally when there was none.
     *
     * @param service the service UUID
     * @param characteristic the characteristic UUID within that service
     * @return a future completing when notifications are off
     */
    CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic);

    /**
     * Adds a listener run once when the peripheral disconnects, for any reason.
     *
     * @param listener runs once on disconnect, also when the peripheral is already disconnected
     */
    void onDisconnect(Runnable listener);

    /**
     * Whether the peripheral is connected.
     *
     * @return false once the peripheral has disconnected
     */
    boolean isConnected();

    /**
     * Disconnects; idempotent.
     *
     * @return a future completing when the link is down
     */
    CompletableFuture<Void> disconnect();
}
