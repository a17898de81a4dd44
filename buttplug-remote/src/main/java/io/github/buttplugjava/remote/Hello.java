package io.github.buttplugjava.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * The agent's first frame on a share link: {@code {"Hello":{"AgentProtocol":1,"Token":"…","Alias":"Alice"}}}.
 * Everything after the hub's {@link HelloReply.Welcome} is plain Buttplug, with the agent as the
 * server. Package-private: only the agent and the hub speak it.
 *
 * @param protocol the agent protocol version
 * @param token    the share token (never shown by {@link #toString()})
 * @param alias    the name controllers see before each device, already {@linkplain #cleanAlias cleaned}
 */
record Hello(int protocol, String token, String alias) {

    /** The agent protocol this library speaks. */
    static final int PROTOCOL = 1;

    /** Longest alias, in characters. */
    static final int MAX_ALIAS = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    Hello {
        Objects.requireNonNull(token, "token");
        alias = cleanAlias(alias);
    }

    /**
     * An alias fit to show: control and separator characters dropped, trimmed, at most
     * {@link #MAX_ALIAS} characters.
     *
     * @throws IllegalArgumentException when nothing is left
     */
    static String cleanAlias(String alias) {
        return cleanAlias(alias, MAX_ALIAS);
    }

    /** Like {@link #cleanAlias(String)}, with another length limit. */
    static String cleanAlias(String alias, int maxLength) {
        StringBuilder b = new StringBuilder();
        Objects.requireNonNull(alias, "alias").codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR
                        && Character.getType(c) != Character.FORMAT)
                .forEach(b::appendCodePoint);
        String s = b.toString().strip();
        if (s.codePointCount(0, s.length()) > maxLength) {
            s = s.substring(0, s.offsetByCodePoints(0, maxLength)).strip();
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        return s;
    }

    String encode() {
        ObjectNode body = JSON.createObjectNode()
                .put("AgentProtocol", protocol).put("Token", token).put("Alias", alias);
        return JSON.createObjectNode().set("Hello", body).toString();
    }

    /**
     * Reads a hello frame.
     *
     * @throws IllegalArgumentException when the frame is not a well-formed hello
     */
    static Hello decode(String frame) {
        JsonNode body;
        try {
            body = JSON.readTree(frame).get("Hello");
        } catch (Exception e) {
            throw new IllegalArgumentException("the first frame is not JSON");
        }
        if (body == null || !body.path("AgentProtocol").canConvertToInt()
                || !body.path("Token").isTextual() || !body.path("Alias").isTextual()) {
            throw new IllegalArgumentException("the first frame must be {\"Hello\":{\"AgentProtocol\":n,\"Token\":\"…\",\"Alias\":\"…\"}}");
        }
        return new Hello(body.get("AgentProtocol").intValue(), body.get("Token").textValue(),
                body.get("Alias").textValue());
    }

    @Override
    public String toString() {
        return "Hello[protocol=" + protocol + ", alias=" + alias + ", token=redacted]";
    }
}
