package io.github.buttplugjava.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The hub's floor on how often it pings an agent: the hub's Buttplug client pings every third of
 * the MaxPingTime the agent announces, so a hostile agent announcing 1 ms would be pinged 1,000
 * times a second. This connector raises a MaxPingTime below {@code 3 × floor} in the agent's
 * ServerInfo to {@code 3 × floor} before the client reads it, so the client never pings more often
 * than every {@code floor}. Only frames up to the ServerInfo are looked at; later frames pass
 * untouched. An agent that really needs pings faster than that will ping the hub out, which ends
 * only its own link.
 *
 * <p>Interim: once the core client has {@code ButtplugClient.Builder.minPingInterval(Duration)},
 * the hub sets that instead and this class goes.
 */
final class PingFloor implements ButtplugConnector {

    /** Least time between two pings of an agent by the hub: {@value} ms. */
    static final long FLOOR_MS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ButtplugConnector link;
    private final long minMaxPingMs;
    /** Frames looked at before giving up on finding a ServerInfo (the handshake's first reply). */
    private static final int LOOK_AT_MOST = 8;

    private volatile boolean seen;
    private int looked;

    PingFloor(ButtplugConnector link, Duration floor) {
        this.link = link;
        this.minMaxPingMs = 3 * floor.toMillis();
    }

    PingFloor(ButtplugConnector link) {
        this(link, Duration.ofMillis(FLOOR_MS));
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (!seen && ++looked > LOOK_AT_MOST) {
                    seen = true;
                }
                listener.onFrame(seen ? frame : raise(frame));
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(cause);
            }
        });
    }

    /** The frame with a too-small MaxPingTime raised; unchanged when it holds no ServerInfo. */
    String raise(String frame) {
        if (!frame.contains("ServerInfo")) {
            return frame;
        }
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (Exception e) {
            return frame; // not JSON: the client will say so
        }
        if (root == null || !root.isArray()) {
            return frame;
        }
        boolean changed = false;
        for (JsonNode message : root) {
            JsonNode info = message.get("ServerInfo");
            if (info instanceof ObjectNode o) {
                seen = true;
                JsonNode max = o.get("MaxPingTime");
                if (max != null && max.canConvertToLong() && max.longValue() > 0 && max.longValue() < minMaxPingMs) {
                    o.put("MaxPingTime", minMaxPingMs);
                    changed = true;
                }
            }
        }
        return changed ? root.toString() : frame;
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return link.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return link.close();
    }

    @Override
    public boolean isConnected() {
        return link.isConnected();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        return link.abort(reason);
    }

    @Override
    public boolean pauseReading() {
        return link.pauseReading();
    }

    @Override
    public void resumeReading() {
        link.resumeReading();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return link.remoteAddress();
    }
}
