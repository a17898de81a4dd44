package io.github.buttplugjava.examples;

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
 * For the demo's "controller crashes" scene: a WebSocket connector on the JDK client whose
 * {@link #drop()} cuts the TCP connection without a close frame, as a killed app would.
 */
final class DroppableConnector implements ButtplugConnector {

    private final URI uri;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile FrameListener listener;
    private CompletableFuture<Void> sendTail = CompletableFuture.completedFuture(null);

    DroppableConnector(URI uri) {
        this.uri = uri;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        this.listener = listener;
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
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

    /** Cuts the connection with no close frame. */
    void drop() {
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
