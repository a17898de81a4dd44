package io.github.buttplugjava.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Publishes the frames and close notices of bridged links. */
final class BridgeSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 256;

    private final Connection nats;
    private final Subjects subjects;

    BridgeSender(Connection nats, Subjects subjects) {
        this.nats = nats;
        this.subjects = subjects;
    }

    /** Publishes a frame; false when NATS would not take it (closed, or larger than its max payload). */
    boolean frame(String peer, String link, String frame) {
        try {
            nats.publish(subjects.frame(peer, link), frame.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IllegalStateException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Publishes a close notice: the reason and how many frames this end sent before it. */
    void close(String peer, String link, String reason, long framesSent) {
        String r = reason == null ? "" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        byte[] body = JSON.createObjectNode().put("reason", r).put("sent", framesSent).toString()
                .getBytes(StandardCharsets.UTF_8);
        try {
            nats.publish(subjects.close(peer, link), body);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // NATS is gone: the peer's heartbeat watch closes its end
        }
    }

    /** Reads a close notice; a malformed one reads as an unexplained close. */
    static CloseNotice readClose(byte[] body) {
        try {
            JsonNode n = body == null || body.length > 4096 ? null : JSON.readTree(body);
            if (n == null) {
                return new CloseNotice("closed", -1);
            }
            return new CloseNotice(n.path("reason").asText("closed"), n.path("sent").asLong(-1));
        } catch (IOException e) {
            return new CloseNotice("closed", -1);
        }
    }

    record CloseNotice(String reason, long framesSent) {
    }
}
