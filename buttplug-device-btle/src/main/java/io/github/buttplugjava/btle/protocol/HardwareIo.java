package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A connected device's endpoints, for the handshakes and input reads of protocol handlers (output
 * commands go through {@link HardwareCommand} values instead).
 *
 * <p>Thread-safe; nothing blocks. Futures fail with {@link io.github.buttplugjava.btle.BleException}
 * on I/O errors, an endpoint the device lacks, or disconnection.
 */
public interface HardwareIo {

    /**
     * The advertised name.
     *
     * @return the name, may be empty, never null
     */
    String name();

    /**
     * The address; private.
     *
     * @return the address, never null
     */
    String address();

    /**
     * The manufacturer data the device advertised, by company id (copies); empty when unknown.
     *
     * @return the data, possibly empty
     */
    java.util.Map<Integer, byte[]> manufacturerData();

    /**
     * Whether the device is still connected. (Periodic work, declared with
     * {@link ProtocolHandler#periodicWork()}, is ended by the device layer once the device is gone.)
     *
     * @return false once the device has disconnected
     */
    boolean isConnected();

    /**
     * Whether the device has an endpoint.
     *
     * @param endpoint an endpoint of the protocol
     * @return true when the device's layout has a characteristic for it
     */
    boolean hasEndpoint(Endpoint endpoint);

    /**
     * Writes bytes.
     *
     * @param endpoint the endpoint to write
     * @param data the bytes
     * @param withResponse write with response (request) rather than without (command)
     * @return a future completing when the write is done
     */
    CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse);

    /**
     * Reads an endpoint's value.
     *
     * @param endpoint the endpoint to read
     * @return a future completing with the value
     */
    CompletableFuture<byte[]> read(Endpoint endpoint);

    /**
     * Subscribes to an endpoint's notifications; they go to {@link #nextNotification} waiters and
     * listeners.
     *
     * @param endpoint the endpoint to subscribe to
     * @return a future completing when notifications are on
     */
    CompletableFuture<Void> subscribe(Endpoint endpoint);

    /**
     * Ends a subscription.
     *
     * @param endpoint the endpoint subscribed to
     * @return a future completing when notifications are off
     */
    CompletableFuture<Void> unsubscribe(Endpoint endpoint);

    /**
     * The next notification of an endpoint after this call. Register before writing the request
     * that causes it.
     *
     * @param endpoint the endpoint expected to notify
     * @param timeout how long to wait at most
     * @return the data; fails with {@link java.util.concurrent.TimeoutException} after
     *         {@code timeout}, or with {@link io.github.buttplugjava.btle.BleException} on disconnect
     */
    CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout);

    /**
     * Sets the listener that receives every notification of an endpoint (null removes it).
     *
     * @param endpoint the endpoint
     * @param listener receives every notification, on the device's notification thread; null to
     *         remove
     */
    void onNotification(Endpoint endpoint, Consumer<byte[]> listener);
}
