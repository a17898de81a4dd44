package io.github.buttplugjava.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hub's answer to a {@link Hello}: {@code {"Welcome":{"AgentProtocol":1,"Room":"…"}}}, after
 * which Buttplug starts, or {@code {"Denied":{"Reason":"…"}}}, after which the hub closes.
 */
sealed interface HelloReply {

    ObjectMapper JSON = new ObjectMapper();

    /** The agent may share; Buttplug follows. */
    record Welcome(int protocol, String room) implements HelloReply {
    }

    /** The agent may not share, and why (never echoing the token). */
    record Denied(String reason) implements HelloReply {
    }

    default String encode() {
        ObjectNode root = JSON.createObjectNode();
        if (this instanceof Welcome w) {
            root.set("Welcome", JSON.createObjectNode().put("AgentProtocol", w.protocol()).put("Room", w.room()));
        } else if (this instanceof Denied d) {
            root.set("Denied", JSON.createObjectNode().put("Reason", d.reason()));
        }
        return root.toString();
    }

    /**
     * Reads the hub's answer.
     *
     * @throws IllegalArgumentException when the frame is neither a Welcome nor a Denied
     */
    static HelloReply decode(String frame) {
        JsonNode root;
        try {
            root = JSON.readTree(frame);
        } catch (Exception e) {
            throw new IllegalArgumentException("the hub's answer is not JSON");
        }
        JsonNode w = root == null ? null : root.get("Welcome");
        if (w != null && w.path("AgentProtocol").canConvertToInt()) {
            return new Welcome(w.get("AgentProtocol").intValue(), w.path("Room").asText(""));
        }
        JsonNode d = root == null ? null : root.get("Denied");
        if (d != null) {
            return new Denied(d.path("Reason").asText("denied"));
        }
        throw new IllegalArgumentException("the hub's answer is neither Welcome nor Denied");
    }
}
