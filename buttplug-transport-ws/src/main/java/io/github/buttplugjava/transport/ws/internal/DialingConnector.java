package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialing WebSocket connector on the JDK's {@link java.net.http.WebSocket}: the engine behind
 * the public {@code WebSocketConnector}, and, through {@link #cut()}, the crashable links of the
 * test support and the demo (one implementation of the JDK client for all of them).
 */
public final class DialingConnector implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(DialingConnector.class);

    private final DialSettings settings;
    private final String label;
    private final AtomicReference<JdkLink> link = new AtomicReference<>();
    private final AtomicReference<CompletableFuture<Void>> connecting = new AtomicReference<>();
    private final AtomicReference<Throwable> closedBeforeConnected = new AtomicReference<>();

    /**
     * A connector; nothing happens until {@link #connect}.
     *
     * @param settings what to dial and how
     */
    public DialingConnector(DialSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.label = SafeLabels.uri(settings.uri());
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        Objects.requireNonNull(listener, "listener");
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (!connecting.compareAndSet(null, result)) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": connector already used"));
        }
        JdkLink opening = new JdkLink(label, reportingEarlyClose(listener), settings.maxFrameSize(),
                settings.maxUnsentBytes(), settings.executor(), settings.scheduler());
        // the JDK times the upgrade; this also bounds a TCP connect that never answers
        ScheduledFuture<?> deadline = settings.scheduler().schedule(() -> result.completeExceptionally(
                        new ConnectorException(label + ": not connected within " + settings.connectTimeout().toMillis()
                                + " ms")),
                settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        try {
            settings.client().newWebSocketBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .buildAsync(settings.uri(), opening)
                    .whenComplete((ws, error) -> {
                        deadline.cancel(false);
                        if (error != null) {
                            Throwable why = error instanceof CompletionException && error.getCause() != null
                                    ? error.getCause() : error;
                            result.completeExceptionally(new ConnectorException(label + ": cannot connect: "
                                    + (why.getMessage() != null ? why.getMessage() : why.getClass().getSimpleName()), why));
                            return;
                        }
                        link.set(opening); // before the caller hears of the connect, so it can send at once
                        if (!result.complete(null)) {
                            opening.discard(); // closed or timed out while the upgrade was in flight
                        } else {
                            log.info("{}: connected", label);
                            if (settings.keepAlive() != null) {
                                opening.startKeepAlive(settings.keepAlive());
                            }
                        }
                    });
        } catch (RuntimeException e) {
            deadline.cancel(false);
            result.completeExceptionally(new ConnectorException(label + ": cannot connect: " + e.getMessage(), e));
        }
        return result;
    }

    /**
     * The listener, remembering a close reported before the connect completed (a server that
     * refuses right after the upgrade, with its reason): a listener that reacts by closing this
     * connector then fails the connect with that close as its cause, not with only "closed while
     * connecting".
     */
    private FrameListener reportingEarlyClose(FrameListener listener) {
        return new FrameListener() {
            @Override
            public void onFrame(String frame) {
                listener.onFrame(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
                if (link.get() == null && cause != null) {
                    closedBeforeConnected.compareAndSet(null, cause);
                }
                listener.onClosed(cause);
            }
        };
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        JdkLink l = link.get();
        if (l == null) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": not connected"));
        }
        return l.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        JdkLink l = link.get();
        if (l == null) {
            CompletableFuture<Void> c = connecting.get();
            if (c != null) {
                Throwable heard = closedBeforeConnected.get();
                c.completeExceptionally(heard == null ? new ConnectorException(label + ": closed while connecting")
                        : new ConnectorException(label + ": closed while connecting: " + heard.getMessage(), heard));
            }
            return CompletableFuture.completedFuture(null);
        }
        return l.close();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        JdkLink l = link.get();
        if (l == null) {
            return close();
        }
        return l.abort(reason);
    }

    /**
     * Cuts the TCP connection with no close frame, as a killed app or a pulled cable would, and
     * reports {@link FrameListener#onClosed(Throwable)} with a {@link ConnectorException}, unless
     * the link had already ended. Before the connection is open, it fails the connect.
     */
    public void cut() {
        JdkLink l = link.get();
        if (l == null) {
            close();
            return;
        }
        l.cut(new ConnectorException(label + ": connection dropped"));
    }

    @Override
    public boolean isConnected() {
        JdkLink l = link.get();
        return l != null && l.isConnected();
    }

    @Override
    public boolean pauseReading() {
        JdkLink l = link.get();
        return l != null && l.pauseReading();
    }

    @Override
    public void resumeReading() {
        JdkLink l = link.get();
        if (l != null) {
            l.resumeReading();
        }
    }

    /** The dialed host and port, unresolved (the JDK client does not expose the socket's address). */
    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        var uri = settings.uri();
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return Optional.of(InetSocketAddress.createUnresolved(uri.getHost(), port));
    }

    /**
     * Completes once the end of the connection has been reported (for tests and demos).
     *
     * @return the future, or an incomplete one before the connection is open
     */
    public CompletableFuture<Void> closedFuture() {
        JdkLink l = link.get();
        return l == null ? new CompletableFuture<>() : l.closedFuture().copy();
    }
}
