package io.github.buttplugjava.transport.ws;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.transport.ws.internal.DialSettings;
import io.github.buttplugjava.transport.ws.internal.DialingConnector;
import io.github.buttplugjava.transport.ws.internal.SafeLabels;
import io.github.buttplugjava.transport.ws.internal.SharedHttpClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;

/**
 * A {@link ButtplugConnector} that dials a WebSocket server ({@code ws://} or {@code wss://}) with
 * the JDK's {@link java.net.http.WebSocket}, e.g. an Intiface Engine, a buttplug-java server or a
 * hub. Needs nothing beyond the JDK and buttplug-core.
 *
 * <p>Text messages only: a binary message from the server closes the socket (code 1003) and a text
 * message larger than {@link Builder#maxFrameSize(int)} closes it (code 1009) as soon as its parts
 * pass the bound, before it is complete; both are reported to {@link FrameListener#onClosed(Throwable)}
 * with a {@link ConnectorException}. An orderly close (codes 1000/1001, by either side) is reported
 * with {@code null}; any other end (abrupt loss of the peer, a protocol error) with a
 * {@link ConnectorException}. Exactly one {@code onClosed} per successful {@link #connect}. A close
 * frame the server does not answer within a second is followed by dropping the TCP connection.
 *
 * <p>Threading: {@link FrameListener} calls happen serially, in order, on {@link Builder#executor}
 * (default: buttplug-core's shared worker pool), with no lock held: the listener may call
 * {@link #send} or {@link #close} from inside a callback, and should hand off long work. The next
 * message is read only once the listener has returned from the last, so a slow listener slows the
 * server down (TCP) instead of filling memory. {@link #pauseReading()} stops reading altogether
 * until {@link #resumeReading()}; while paused the connector cannot answer the server's pings, so
 * pause for less than the server's keepalive timeout. Timers (keepalive, connect deadline, close
 * grace) run on {@link Builder#scheduler}. All methods are thread-safe and never block. Single use:
 * after close, build a new one.
 */
public final class WebSocketConnector implements ButtplugConnector {

    /** Default largest text message accepted: 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = DialSettings.DEFAULT_MAX_FRAME_SIZE;

    /** Default most bytes handed to {@link #send} and not yet written: 4 MiB. */
    public static final long DEFAULT_MAX_UNSENT_BYTES = DialSettings.DEFAULT_MAX_UNSENT_BYTES;

    /** Default time to open the socket and finish the WebSocket upgrade. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = DialSettings.DEFAULT_CONNECT_TIMEOUT;

    private final URI uri;
    private final DialingConnector dialer;

    private WebSocketConnector(DialSettings settings) {
        this.uri = settings.uri();
        this.dialer = new DialingConnector(settings);
    }

    /**
     * A connector to {@code uri} with default settings.
     *
     * @param uri the server's {@code ws://} or {@code wss://} address
     * @return the connector
     * @throws IllegalArgumentException when {@code uri} is not a {@code ws} or {@code wss} address
     */
    public static WebSocketConnector to(URI uri) {
        return builder(uri).build();
    }

    /**
     * A builder for a connector to {@code uri}.
     *
     * @param uri the server's {@code ws://} or {@code wss://} address
     * @return the builder
     * @throws IllegalArgumentException when {@code uri} is not a {@code ws} or {@code wss} address
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /**
     * The address this connector dials.
     *
     * @return the URI given to the builder
     */
    public URI uri() {
        return uri;
    }

    /**
     * Dials the server. Frames go to {@code listener} from then on.
     *
     * @return completes once the WebSocket is open; fails with {@link ConnectorException} when the
     *         server cannot be reached, refuses the upgrade, TLS fails, or the connect timeout passes,
     *         and when this connector was already used
     */
    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return dialer.connect(listener);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return dialer.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return dialer.close();
    }

    @Override
    public boolean isConnected() {
        return dialer.isConnected();
    }

    /**
     * Closes with code 1008 and {@code reason} (cut to 123 UTF-8 bytes); the listener's
     * {@code onClosed} gets a {@link ConnectorException} carrying it. The TCP connection is dropped
     * within about a second even when the close frame cannot be written. Before the connection is
     * open, it fails the connect like {@link #close()}.
     */
    @Override
    public CompletableFuture<Void> abort(String reason) {
        return dialer.abort(reason);
    }

    /**
     * Stops reading from the server (no more {@link java.net.http.WebSocket#request} calls) until
     * {@link #resumeReading()}; the message being delivered, if any, still arrives.
     *
     * @return true once connected (false before)
     */
    @Override
    public boolean pauseReading() {
        return dialer.pauseReading();
    }

    @Override
    public void resumeReading() {
        dialer.resumeReading();
    }

    /** The dialed host and port, unresolved (the JDK client does not expose the socket's address). */
    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return dialer.remoteAddress();
    }

    /** Settings of a {@link WebSocketConnector}; not thread-safe. */
    public static final class Builder {
        private final URI uri;
        private SSLContext sslContext;
        private HttpClient httpClient;
        private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private KeepAlive keepAlive;
        private long maxUnsentBytes = DEFAULT_MAX_UNSENT_BYTES;
        private Executor executor;
        private ScheduledExecutorService scheduler;

        private Builder(URI uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            String scheme = uri.getScheme();
            if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("not a ws:// or wss:// address: " + SafeLabels.uri(uri));
            }
        }

        /**
         * TLS settings for {@code wss://} (trust store, client keys); default: the JVM's default
         * context. The connector then dials with a JDK HTTP client of its own.
         *
         * @param context the TLS context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * The JDK HTTP client to dial with (its TLS settings, executor and selector thread), e.g. one
         * shared by thousands of connectors. Default: one client shared by every connector without
         * an {@link #sslContext}, or one per connector with one. Not together with {@link #sslContext}.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Largest text message accepted from the server, in UTF-8 bytes; larger ones close the
         * socket (1009).
         *
         * @param bytes the bound
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxFrameSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxFrameSize must be positive: " + bytes);
            }
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * Time allowed for TCP connect, TLS and the upgrade.
         *
         * @param timeout the time
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder connectTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * WebSocket keepalive toward the server (default off): every {@code interval} a ping frame
         * goes out (on the {@link #scheduler}, no thread per connector); any pong or message from
         * the server counts as alive. Silence is counted in ticks (no clock is read): when no tick
         * for longer than {@code timeout} found news from the server, the connector closes (1001)
         * and its listener's {@code onClosed} gets a {@link ConnectorException}. So a server that
         * froze or whose network vanished is noticed after more than {@code timeout} and within
         * {@code timeout + 2 * interval} (plus one more interval when the close frame cannot be
         * delivered). RFC 6455 servers answer pings by themselves.
         *
         * @param interval time between pings
         * @param timeout silence after which the connector closes
         * @return this builder
         * @throws IllegalArgumentException when {@code interval} is not positive or {@code timeout}
         *                                  is not longer than {@code interval}
         */
        public Builder keepAlive(Duration interval, Duration timeout) {
            this.keepAlive = new KeepAlive(interval, timeout);
            return this;
        }

        /**
         * Most bytes (UTF-8 text handed to {@code send}) waiting to be written, default 4 MiB. A
         * send that would pass it fails and the connector is aborted with 1008 "peer is not
         * reading (more than N bytes unsent)": a server that stops reading costs at most this much.
         *
         * @param bytes the bound
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxUnsentBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxUnsentBytes must be positive: " + bytes);
            }
            this.maxUnsentBytes = bytes;
            return this;
        }

        /**
         * Where the listener's calls run, serially per connector; default buttplug-core's shared
         * worker pool. A direct executor ({@code Runnable::run}) runs them on the JDK client's
         * threads.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Where the timers run (keepalive ticks, connect deadline, close grace); default
         * buttplug-core's shared timer thread. Its tasks never block. A test may pass a scheduler
         * whose time it advances.
         *
         * @param scheduler the scheduler
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * The connector.
         *
         * @return a new connector with these settings
         * @throws IllegalStateException when both {@link #sslContext} and {@link #httpClient} are set
         */
        public WebSocketConnector build() {
            if (sslContext != null && httpClient != null) {
                throw new IllegalStateException("set either sslContext or httpClient (whose own SSL context is used), not both");
            }
            HttpClient client = httpClient != null ? httpClient
                    : sslContext != null ? SharedHttpClient.newClient(sslContext) : SharedHttpClient.get();
            return new WebSocketConnector(new DialSettings(uri, client, maxFrameSize, connectTimeout, keepAlive,
                    maxUnsentBytes, executor != null ? executor : SharedExecutors.workers(),
                    scheduler != null ? scheduler : SharedExecutors.timers()));
        }
    }
}
