package io.github.buttplugjava.remote.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hub's answer to a {@link Hello}: {@code {"Welcome":{"AgentProtocol":1,"Room":"…"}}} (with
 * {@code "Extensions":{…}}, the {@linkplain LinkExtensions extensions} both sides speak, when there
 * are any), after which Buttplug starts, or {@code {"Denied":{"Reason":"…"}}}, after which the hub closes. Wire
 * protocol of the share link, like {@link Hello}: public for the hub and agent packages, not meant
 * for apps.
 */
public sealed interface HelloReply {

    /**
     * The agent may share; Buttplug follows.
     *
     * @param protocol the agent protocol the hub speaks
     * @param room     the name of the room the agent joined
     * @param extensions the extensions the hub speaks on this link: those it and the agent both offer
     */
    record Welcome(int protocol, String room, LinkExtensions extensions) implements HelloReply {

        /**
         * Checks the extensions.
         *
         * @param protocol the agent protocol the hub speaks
         * @param room the name of the room the agent joined
         * @param extensions the extensions the hub speaks on this link
         * @throws NullPointerException when {@code extensions} is null
         */
        public Welcome {
            java.util.Objects.requireNonNull(extensions, "extensions");
        }

        /**
         * A welcome without extensions (what an older hub sends).
         *
         * @param protocol the agent protocol the hub speaks
         * @param room the name of the room the agent joined
         */
        public Welcome(int protocol, String room) {
            this(protocol, room, LinkExtensions.NONE);
        }
    }

    /**
     * The agent may not share, and why (never echoing the token).
     *
     * @param reason why, in words for the agent's owner
     */
    record Denied(String reason) implements HelloReply {
    }

    /**
     * The reply as the hub sends it.
     *
     * @return the JSON text frame
     */
    default String encode() {
        ObjectMapper json = Json.MAPPER;
        ObjectNode root = json.createObjectNode();
        if (this instanceof Welcome w) {
            ObjectNode body = json.createObjectNode().put("AgentProtocol", w.protocol()).put("Room", w.room());
            w.extensions().writeTo(body);
            root.set("Welcome", body);
        } else if (this instanceof Denied d) {
            root.set("Denied", json.createObjectNode().put("Reason", d.reason()));
        }
        return root.toString();
    }

    /**
     * Reads the hub's answer.
     *
     * @param frame the first text frame the hub sent
     * @return a {@link Welcome} or a {@link Denied}
     * @throws IllegalArgumentException when the frame is neither a Welcome nor a Denied
     */
    static HelloReply decode(String frame) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(frame);
        } catch (Exception e) {
            throw new IllegalArgumentException("the hub's answer is not JSON");
        }
        JsonNode w = root == null ? null : root.get("Welcome");
        if (w != null && w.path("AgentProtocol").canConvertToInt()) {
            return new Welcome(w.get("AgentProtocol").intValue(), w.path("Room").asText(""), LinkExtensions.readFrom(w));
        }
        JsonNode d = root == null ? null : root.get("Denied");
        if (d != null) {
            return new Denied(d.path("Reason").asText("denied"));
        }
        throw new IllegalArgumentException("the hub's answer is neither Welcome nor Denied");
    }
}

/** The reader and writer of hello replies, kept out of the public interface. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
