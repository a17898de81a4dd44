package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.server.Admission;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import io.github.buttplugjava.transport.ws.server.WebSocketServer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The floor the hub is compared with: two plain WebSocket hops on the project's own transport,
 * chained the way a controller reaches an agent through the hub. A client dials a relay
 * {@link WebSocketServer}; for each socket the relay dials an echo {@link WebSocketServer} with a
 * {@link WebSocketConnector} and passes frames both ways unchanged. A frame thus crosses two
 * sockets out and two back, with no codec and no Buttplug logic. One frame in flight at a time.
 */
final class EchoFloor implements AutoCloseable {

    private static final long CONNECT_SECONDS = 10;

    private final WebSocketServer echo;
    private final WebSocketServer relay;
    private final WebSocketConnector client;
    private final AtomicReference<CompletableFuture<String>> waiting = new AtomicReference<>();

    EchoFloor() throws Exception {
        echo = WebSocketServer.builder().handler((path, connector) -> {
            connector.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                    connector.send(frame);
                }

                @Override
                public void onClosed(Throwable cause) {
                }
            });
            return Admission.accept();
        }).start();
        relay = WebSocketServer.builder().handler((path, inbound) -> {
            WebSocketConnector outbound = WebSocketConnector.to(echo.uri());
            outbound.connect(forwardingTo(inbound)).thenRun(() -> inbound.connect(forwardingTo(outbound)));
            return Admission.accept();
        }).start();
        client = WebSocketConnector.to(relay.uri());
        client.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                CompletableFuture<String> w = waiting.getAndSet(null);
                if (w != null) {
                    w.complete(frame);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                CompletableFuture<String> w = waiting.getAndSet(null);
                if (w != null) {
                    w.completeExceptionally(new IOException("echo chain closed", cause));
                }
            }
        }).get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    private static FrameListener forwardingTo(ButtplugConnector target) {
        return new FrameListener() {
            @Override
            public void onFrame(String frame) {
                target.send(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
                target.close();
            }
        };
    }

    /** Sends a frame and completes with its echo; one at a time. */
    CompletableFuture<String> roundTrip(String frame) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        if (!waiting.compareAndSet(null, reply)) {
            return CompletableFuture.failedFuture(new IllegalStateException("a frame is already in flight"));
        }
        client.send(frame).exceptionally(e -> {
            if (waiting.compareAndSet(reply, null)) {
                reply.completeExceptionally(e);
            }
            return null;
        });
        return reply;
    }

    @Override
    public void close() throws Exception {
        client.close();
        relay.stop().get(CONNECT_SECONDS, TimeUnit.SECONDS);
        echo.stop().get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }
}
