package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.transport.ws.server.Admission;
import io.github.buttplugjava.transport.ws.server.WebSocketServer;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted "hub" on a real socket: it welcomes an agent, then the test sends raw Buttplug frames
 * as the hub would (or as a compromised hub would), and can go silent to play a stalled hub.
 */
final class FakeHub implements AutoCloseable {

    final WebSocketServer server;
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<ButtplugConnector> agent = new CompletableFuture<>();
    /** The agent's hello, as it sent it. */
    final CompletableFuture<String> hello = new CompletableFuture<>();

    FakeHub() throws Exception {
        this(new HelloReply.Welcome(Hello.PROTOCOL, "fake").encode());
    }

    /** A hub that answers every hello with {@code welcome}. */
    FakeHub(String welcome) throws Exception {
        server = WebSocketServer.builder().port(0).handler((path, connector) -> {
            connector.connect(new FrameListener() {
                private boolean helloSeen;

                @Override
                public void onFrame(String frame) {
                    if (!helloSeen) {
                        helloSeen = true;
                        hello.complete(frame);
                        connector.send(welcome);
                        agent.complete(connector);
                        return;
                    }
                    received.add(frame);
                }

                @Override
                public void onClosed(Throwable cause) {
                    received.add("closed");
                }
            });
            return Admission.accept();
        }).start();
    }

    URI shareUri() {
        return server.uri().resolve("/share");
    }

    /** Waits for the agent's link, then sends a frame on it. */
    void send(String frame) throws Exception {
        agent.get(5, TimeUnit.SECONDS).send(frame).get(2, TimeUnit.SECONDS);
    }

    /** The next frame the agent sent that contains {@code text}. */
    String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String f = received.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && f.contains(text)) {
                return f;
            }
        }
        throw new AssertionError("the agent sent nothing containing " + text);
    }

    @Override
    public void close() {
        server.close();
    }
}
