package io.github.buttplugjava.testsupport;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ButtplugConnector} that dials a {@code ws://} server with the JDK's
 * {@link java.net.http.WebSocket} and can {@link #crash()}: cut the TCP connection without a close
 * frame, as a killed app or a pulled cable would. For demos and failure tests of servers and hubs;
 * to talk to a server for real, use buttplug-transport-ws's {@code WebSocketConnector}. Needs
 * only the JDK and buttplug-core's connector SPI, so any module's tests can use it.
 *
 * <p>{@link #connect} completes exceptionally with a {@link ConnectorException} when the server
 * cannot be reached; {@link #send} with a {@link ConnectorException} when not connected. The link's
 * end is reported once to {@link FrameListener#onClosed(Throwable)}: {@code null} for a close by the
 * server, the cause otherwise (a {@link ConnectorException} after {@link #crash()}).
 *
 * <p>Threading: all methods are thread-safe and never block; sends are queued in order. Listener
 * calls come from the JDK client's threads, one at a time. Single use.
 */
public final class CrashableWebSocketConnector implements ButtplugConnector {

    /**
     * One JDK client for every connector: each JDK client owns a selector thread and buffers that
     * live until it is collected, so a client per connection would pile them up under churn.
     */
    private static final class Shared {
        static final HttpClient CLIENT = HttpClient.newHttpClient();
    }

    private final URI uri;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile FrameListener listener;
    private CompletableFuture<Void> sendTail = CompletableFuture.completedFuture(null);

    /**
     * A connector to {@code uri}; nothing happens until {@link #connect}.
     *
     * @param uri the server's {@code ws://} URI
     */
    public CrashableWebSocketConnector(URI uri) {
        this.uri = uri;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        this.listener = listener;
        return Shared.CLIENT.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String frame = text.toString();
                    text.setLength(0);
                    listener.onFrame(frame);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                end(null);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                end(error);
            }
        }).thenAccept(ws -> socket = ws).exceptionally(e -> {
            throw new ConnectorException("cannot connect to " + uri, e);
        });
    }

    private void end(Throwable cause) {
        if (ended.compareAndSet(false, true)) {
            listener.onClosed(cause);
        }
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        WebSocket ws = socket;
        if (ws == null || ended.get()) {
            return CompletableFuture.failedFuture(new ConnectorException("not connected"));
        }
        synchronized (this) {
            // the JDK socket takes one send at a time: chain them
            CompletableFuture<Void> next = sendTail.thenCompose(v -> ws.sendText(frame, true)).thenApply(w -> null);
            sendTail = next.exceptionally(e -> null);
            return next;
        }
    }

    @Override
    public CompletableFuture<Void> close() {
        WebSocket ws = socket;
        if (ws != null && !ended.get()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Cuts the connection with no close frame (the server sees the TCP connection drop) and reports
     * {@link FrameListener#onClosed(Throwable)} with a {@link ConnectorException}, unless the link had
     * already ended. Does nothing to a connector never connected but that report.
     */
    public void crash() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end(new ConnectorException("connection dropped"));
    }

    @Override
    public boolean isConnected() {
        return socket != null && !ended.get();
    }
}
