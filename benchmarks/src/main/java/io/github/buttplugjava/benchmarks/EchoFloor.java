package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.Admission;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import io.github.buttplugjava.transport.ws.WebSocketServer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The floor for the hub's round trip: two plain WebSocket hops on the same stack. A client sends
 * a frame to a relay, the relay forwards it over its own WebSocket to an echo server, and the echo
 * comes back the same way: controller -> hub -> agent and back, with no Buttplug in between.
 */
final class EchoFloor implements AutoCloseable {

    private final WebSocketServer echo;
    private final WebSocketServer relay;
    private final WebSocketConnector client;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    EchoFloor() throws Exception {
        echo = WebSocketServer.builder().port(0).handler((path, c) -> {
            c.connect(new FrameListener() {
                @Override
                public void onFrame(String frame) {
                    c.send(frame);
                }

                @Override
                public void onClosed(Throwable cause) {
                }
            });
            return Admission.accept();
        }).start();
        relay = WebSocketServer.builder().port(0).handler((path, inbound) -> {
            WebSocketConnector outbound = WebSocketConnector.to(echo.uri());
            outbound.connect(forwardTo(inbound)).join();
            inbound.connect(forwardTo(outbound));
            return Admission.accept();
        }).start();
        client = WebSocketConnector.to(relay.uri());
        client.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                replies.add(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private static FrameListener forwardTo(ButtplugConnector target) {
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

    /** Sends {@code frame} {@code n} times, one at a time, and records each round trip. */
    Latencies run(String frame, int n) throws Exception {
        Latencies l = new Latencies(n);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            client.send(frame);
            if (replies.poll(10, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("no echo within 10 s");
            }
            l.add(System.nanoTime() - t);
        }
        return l;
    }

    @Override
    public void close() {
        client.close();
        relay.close();
        echo.close();
    }
}
