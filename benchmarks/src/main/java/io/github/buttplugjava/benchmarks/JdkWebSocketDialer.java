package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Benchmark-only dialer for {@link IdleAgents}: connectors over the JDK's {@link WebSocket}, all
 * sharing one {@link HttpClient} (one selector thread, a small worker pool), so thousands of agents
 * fit in one JVM. The library's Tyrus connector costs about 11 threads per connection, which caps
 * one agent JVM at a few thousand agents on this machine.
 */
final class JdkWebSocketDialer {

    private final HttpClient http;

    JdkWebSocketDialer(int workers) {
        Executor pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "jdk-ws-worker");
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder().executor(pool).connectTimeout(Duration.ofSeconds(30)).build();
    }

    ButtplugConnector dial(URI uri) {
        return new Connector(uri);
    }

    private final class Connector implements ButtplugConnector {
        private final URI uri;
        private final AtomicBoolean used = new AtomicBoolean();
        private final AtomicBoolean closedOnce = new AtomicBoolean();
        private volatile WebSocket socket;
        private volatile FrameListener listener;
        private CompletableFuture<Void> sends = CompletableFuture.completedFuture(null);

        Connector(URI uri) {
            this.uri = uri;
        }

        @Override
        public CompletableFuture<Void> connect(FrameListener frames) {
            if (!used.compareAndSet(false, true)) {
                return CompletableFuture.failedFuture(new ConnectorException("connector already used"));
            }
            listener = frames;
            return http.newWebSocketBuilder().buildAsync(uri, new Receiver())
                    .handle((ws, e) -> {
                        if (e != null) {
                            throw new java.util.concurrent.CompletionException(
                                    new ConnectorException("cannot connect: " + e.getMessage(), e));
                        }
                        socket = ws;
                        return null;
                    });
        }

        @Override
        public synchronized CompletableFuture<Void> send(String frame) {
            WebSocket ws = socket;
            if (ws == null || ws.isOutputClosed()) {
                return CompletableFuture.failedFuture(new ConnectorException("not connected"));
            }
            // the JDK WebSocket allows one outstanding send: chain them
            CompletableFuture<Void> next = sends.exceptionally(e -> null)
                    .thenCompose(v -> ws.sendText(frame, true)).thenApply(w -> null);
            sends = next;
            return next;
        }

        @Override
        public CompletableFuture<Void> close() {
            WebSocket ws = socket;
            if (ws != null && !ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((w, e) -> ws.abort());
            }
            closed(null);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            WebSocket ws = socket;
            return ws != null && !ws.isInputClosed() && !ws.isOutputClosed();
        }

        private void closed(Throwable cause) {
            if (closedOnce.compareAndSet(false, true) && listener != null) {
                listener.onClosed(cause);
            }
        }

        private final class Receiver implements WebSocket.Listener {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String frame = partial.toString();
                    partial.setLength(0);
                    listener.onFrame(frame);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                ws.abort();
                closed(statusCode == WebSocket.NORMAL_CLOSURE ? null
                        : new ConnectorException("closed by the hub: " + statusCode + " " + reason));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed(new ConnectorException("socket error: " + error.getMessage(), error));
            }
        }
    }
}
