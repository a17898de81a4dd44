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

    /** The advertised name. */
    String name();

    /** The address; private. */
    String address();

    /** The manufacturer data the device advertised, by company id (copies); empty when unknown. */
    java.util.Map<Integer, byte[]> manufacturerData();

    /**
     * Whether the device is still connected. (Periodic work, declared with
     * {@link ProtocolHandler#periodicWork()}, is ended by the device layer once the device is gone.)
     */
    boolean isConnected();

    /** Whether the device has an endpoint. */
    boolean hasEndpoint(Endpoint endpoint);

    /** Writes bytes. */
    CompletableFuture<Void> write(Endpoint endpoint, byte[] data, boolean withResponse);

    /** Reads an endpoint's value. */
    CompletableFuture<byte[]> read(Endpoint endpoint);

    /** Subscribes to an endpoint's notifications; they go to {@link #nextNotification} waiters and listeners. */
    CompletableFuture<Void> subscribe(Endpoint endpoint);

    /** Ends a subscription. */
    CompletableFuture<Void> unsubscribe(Endpoint endpoint);

    /**
     * The next notification of an endpoint after this call. Register before writing the request
     * that causes it.
     *
     * @return the data; fails with {@link java.util.concurrent.TimeoutException} after
     *         {@code timeout}, or with {@link io.github.buttplugjava.btle.BleException} on disconnect
     */
    CompletableFuture<byte[]> nextNotification(Endpoint endpoint, Duration timeout);

    /** Sets the listener that receives every notification of an endpoint (null removes it). */
    void onNotification(Endpoint endpoint, Consumer<byte[]> listener);
}
