package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.transport.ws.KeepAlive;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything a {@link DialingConnector} needs, validated by the public builder.
 *
 * @param uri the {@code ws://} or {@code wss://} address
 * @param client the JDK HTTP client that dials (holds the TLS settings)
 * @param maxFrameSize largest text message accepted, in UTF-8 bytes
 * @param connectTimeout time for TCP connect, TLS and the upgrade
 * @param keepAlive pings toward the server, or null for none
 * @param maxUnsentBytes most bytes handed to send and not yet written
 * @param executor where listener calls run (serially per connector)
 * @param scheduler keepalive ticks, the connect deadline and the close grace
 */
public record DialSettings(URI uri, HttpClient client, int maxFrameSize, Duration connectTimeout, KeepAlive keepAlive,
                           long maxUnsentBytes, Executor executor, ScheduledExecutorService scheduler) {

    /** Default largest text message accepted: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 1 << 20;

    /** Default most bytes handed to send and not yet written: 4 MiB. */
    public static final long DEFAULT_MAX_UNSENT_BYTES = 4L << 20;

    /** Default time to open the socket and finish the WebSocket upgrade. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Checks for nulls; the numbers are validated by the public builder, not here.
     *
     * @param uri the {@code ws://} or {@code wss://} address
     * @param client the JDK HTTP client that dials (holds the TLS settings)
     * @param maxFrameSize largest text message accepted, in UTF-8 bytes
     * @param connectTimeout time for TCP connect, TLS and the upgrade together
     * @param keepAlive pings toward the server, or null for none
     * @param maxUnsentBytes most bytes handed to send and not yet written
     * @param executor where listener calls run (serially per connector)
     * @param scheduler keepalive ticks, the connect deadline and the close grace
     * @throws NullPointerException when any argument but {@code keepAlive} is null
     */
    public DialSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * The defaults for {@code uri}: the shared JDK client, core's shared pools, no keepalive.
     *
     * @param uri the {@code ws://} or {@code wss://} address
     * @return the settings
     */
    public static DialSettings defaults(URI uri) {
        return new DialSettings(uri, SharedHttpClient.get(), DEFAULT_MAX_FRAME_SIZE, DEFAULT_CONNECT_TIMEOUT, null,
                DEFAULT_MAX_UNSENT_BYTES, io.github.buttplugjava.core.internal.SharedExecutors.workers(),
                io.github.buttplugjava.core.internal.SharedExecutors.timers());
    }
}
