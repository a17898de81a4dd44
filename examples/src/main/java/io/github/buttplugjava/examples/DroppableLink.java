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
 * The demo controller's link to the hub: a {@code ws://} connector on the JDK WebSocket client
 * whose {@link #drop()} cuts the TCP connection with no close frame, the way a crashed app would,
 * so the demo can show the hub stopping the toys. The demo's own (buttplug-test-support's connector
 * is for tests and stays out of the shipped CLI). Single use; one link per demo run.
 */
final class DroppableLink implements ButtplugConnector {

    private final URI uri;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile FrameListener listener;
    /** Sends in order: the JDK socket takes the next text only when the last one is out. */
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    DroppableLink(URI uri) {
        this.uri = uri;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener frames) {
        this.listener = frames;
        WebSocket.Listener reader = new WebSocket.Listener() {
            private final StringBuilder pending = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence part, boolean last) {
                pending.append(part);
                if (last) {
                    String frame = pending.toString();
                    pending.setLength(0);
                    frames.onFrame(frame);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                finish(null);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                finish(error);
            }
        };
        return http.newWebSocketBuilder().buildAsync(uri, reader)
                .<Void>thenApply(ws -> {
                    socket = ws;
                    return null;
                })
                .exceptionally(e -> {
                    throw new ConnectorException("cannot reach " + uri, e);
                });
    }

    @Override
    public synchronized CompletableFuture<Void> send(String frame) {
        WebSocket ws = socket;
        if (ws == null || over.get()) {
            return CompletableFuture.failedFuture(new ConnectorException("not connected"));
        }
        CompletableFuture<Void> sent = lastSend.handle((r, e) -> null)
                .thenCompose(v -> ws.sendText(frame, true)).thenApply(w -> null);
        lastSend = sent;
        return sent;
    }

    @Override
    public CompletableFuture<Void> close() {
        WebSocket ws = socket;
        if (ws != null && !over.get()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "demo over");
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isConnected() {
        return socket != null && !over.get();
    }

    /** Cuts the TCP connection without a close frame; the client hears of it as a lost connection. */
    void drop() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        finish(new ConnectorException("connection dropped"));
    }

    private void finish(Throwable cause) {
        if (over.compareAndSet(false, true) && listener != null) {
            listener.onClosed(cause);
        }
    }
}
