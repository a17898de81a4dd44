package io.github.buttplugjava.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What an authenticated link is, once its entry node checked its token: which room, as what, and
 * for an agent its hello (without the token). This is all the owner learns of it; the token
 * stays at the entry node.
 *
 * @param room     the room's name
 * @param kind     share, invite, control or a 0.13 forwarder
 * @param name     the controller's name or the invite's alias; empty for a share token
 * @param protocol the agent's hello protocol (0 for a controller)
 * @param alias    the agent's alias (empty for a controller)
 * @param hello    the agent's hello frame with its token blanked (its extensions ride along, and a
 *                 key derived from its resume key in place of that key); empty for a controller
 */
record Placement(String room, LinkKind kind, String name, int protocol, String alias, String hello) {

    /** Never the hello (it holds a derived resume key). */
    @Override
    public String toString() {
        return "Placement[room=" + room + ", kind=" + kind + ", name=" + name + ", protocol=" + protocol
                + ", alias=" + alias + ", hello=redacted]";
    }

    /** Token put in place of the real one in the hello the entry node passes on. */
    static final String NO_TOKEN = "-";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The version of the hub heartbeat relay ({@link RelayedBeats}) an entry node of this build
     * speaks: its open requests say so, and an owner that reads it sends that entry node one beat
     * per tick for all its links instead of a frame per link. An owner of an older build ignores
     * the field and beats every link; an entry node of an older build does not send it.
     */
    static final int BEATS_VERSION = 1;

    /** The open request for {@code link}, coming from {@code entry}. */
    byte[] openRequest(String link, String entry) {
        return JSON.createObjectNode().put("link", link).put("entry", entry).put("room", room)
                .put("kind", kind.name()).put("name", name).put("protocol", protocol).put("alias", alias).put("hello", hello)
                .put("beats", BEATS_VERSION).toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An open request as the owner reads it.
     *
     * @param beats whether the entry node relays hub heartbeats ({@link RelayedBeats})
     */
    record Open(String link, String entry, Placement placement, boolean beats) {
    }

    static Open readOpen(byte[] body) {
        if (body == null || body.length > 4096) {
            throw new IllegalArgumentException("open request missing or too large");
        }
        try {
            JsonNode n = JSON.readTree(body);
            String link = n.path("link").asText("");
            if (link.isEmpty() || link.length() > 80 || link.chars().anyMatch(c -> c == '.' || c == '*' || c == '>' || c <= ' ')) {
                throw new IllegalArgumentException("bad link id");
            }
            return new Open(link, Names.node(n.path("entry").asText(""), "entry node"),
                    new Placement(Names.room(n.path("room").asText("")), LinkKind.valueOf(n.path("kind").asText("")),
                            n.path("name").asText(""), n.path("protocol").asInt(), n.path("alias").asText(""),
                            n.path("hello").asText("")),
                    n.path("beats").asInt(0) >= BEATS_VERSION);
        } catch (IOException e) {
            throw new IllegalArgumentException("open request is not JSON", e);
        }
    }

    static byte[] reply(boolean ok, String reason) {
        return JSON.createObjectNode().put("ok", ok).put("reason", reason).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The refusal in a reply, or null when the owner opened its end. */
    static String refusalIn(byte[] reply) {
        try {
            JsonNode n = JSON.readTree(reply);
            return n.path("ok").asBoolean(false) ? null : n.path("reason").asText("refused");
        } catch (IOException | RuntimeException e) {
            return "unreadable answer from the room's owner";
        }
    }
}
