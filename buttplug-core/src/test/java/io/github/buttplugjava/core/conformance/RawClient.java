package io.github.buttplugjava.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A test client that speaks raw JSON frames, for spec versions our ButtplugClient does not speak
 * (v0..v2) and for hostile input. Received messages are kept as {@code {"Name": body}} nodes.
 */
final class RawClient implements FrameListener {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(5);

    private final ButtplugConnector connector;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> skipped = new ArrayList<>();
    private volatile boolean closed;

    RawClient(ButtplugConnector connector) throws Exception {
        this.connector = connector;
        connector.connect(this).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void onFrame(String frame) {
        try {
            JsonNode array = JSON.readTree(frame);
            if (!array.isArray() || array.isEmpty()) {
                throw new AssertionError("server sent a frame that is not a non-empty array: " + frame);
            }
            array.forEach(received::add);
        } catch (java.io.IOException e) {
            throw new AssertionError("server sent invalid JSON: " + frame, e);
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    void send(String frame) {
        connector.send(frame);
    }

    void close() {
        connector.close();
    }

    /** The body of the next message named {@code name} that matches; other messages are set aside. */
    JsonNode await(String name, Predicate<JsonNode> matches) throws InterruptedException {
        for (JsonNode m : List.copyOf(skipped)) {
            if (m.has(name) && matches.test(m.get(name))) {
                skipped.remove(m);
                return m.get(name);
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no " + name + " within " + WAIT + "; other messages: " + skipped);
            }
            if (m.has(name) && matches.test(m.get(name))) {
                return m.get(name);
            }
            skipped.add(m);
        }
    }

    JsonNode await(String name) throws InterruptedException {
        return await(name, body -> true);
    }

    /** The reply (any message type) with this Id. */
    JsonNode reply(long id) throws InterruptedException {
        for (JsonNode m : List.copyOf(skipped)) {
            if (m.elements().next().path("Id").asLong(-1) == id) {
                skipped.remove(m);
                return m;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode m = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (m == null) {
                throw new AssertionError("no reply to Id " + id + "; other messages: " + skipped);
            }
            if (m.elements().next().path("Id").asLong(-1) == id) {
                return m;
            }
            skipped.add(m);
        }
    }

    /** Sends a frame and returns the reply to {@code id}. */
    JsonNode request(long id, String frame) throws InterruptedException {
        send(frame);
        return reply(id);
    }

    /** Asserts the reply is Ok. */
    static void assertOk(JsonNode reply) {
        if (!reply.has("Ok")) {
            throw new AssertionError("expected Ok, got " + reply);
        }
    }

    /** Asserts the reply is an Error with this code. */
    static void assertError(JsonNode reply, int code) {
        if (!reply.has("Error") || reply.get("Error").get("ErrorCode").asInt() != code) {
            throw new AssertionError("expected Error code " + code + ", got " + reply);
        }
    }
}
