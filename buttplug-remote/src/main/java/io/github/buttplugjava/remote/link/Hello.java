package io.github.buttplugjava.remote.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;
import java.util.Optional;

/**
 * The agent's first frame on a share link: {@code {"Hello":{"AgentProtocol":1,"Token":"…","Alias":"Alice"}}},
 * with {@code "Extensions":{"Presence":1}} when the agent offers {@linkplain LinkExtensions extensions}
 * (left out when it offers none, so the frame is then exactly what older agents send; older hubs
 * ignore the field), and with {@code "Resume":"…"}, the agent's {@linkplain ResumeKey resume key},
 * when it has one (left out otherwise; older hubs ignore it too). Everything after the hub's {@link HelloReply.Welcome} is plain Buttplug, with
 * the agent as the server, plus the frames of the extensions the welcome agreed. Wire protocol of
 * the share link, spoken by {@code remote.hub} and {@code remote.agent}: public so both packages
 * can use it, not meant for apps.
 *
 * @param protocol the agent protocol version
 * @param token    the share token (never shown by {@link #toString()})
 * @param alias    the name controllers see before each device, already {@linkplain #cleanAlias cleaned}
 * @param extensions the optional parts of the link the agent offers
 * @param resume   the agent's resume key, when it sent one (never shown by {@link #toString()})
 */
public record Hello(int protocol, String token, String alias, LinkExtensions extensions, Optional<ResumeKey> resume) {

    /** The agent protocol this library speaks. */
    public static final int PROTOCOL = 1;

    /** Longest alias, in characters. */
    public static final int MAX_ALIAS = 32;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks the token and cleans the alias.
     *
     * @param protocol the agent protocol version
     * @param token the share token
     * @param alias the name controllers see before each device
     * @param extensions the optional parts of the link the agent offers
     * @param resume the agent's resume key, or empty
     * @throws NullPointerException     when {@code token}, {@code alias}, {@code extensions} or {@code resume} is null
     * @throws IllegalArgumentException when nothing is left of the alias after cleaning
     */
    public Hello {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(resume, "resume");
        alias = cleanAlias(alias);
    }

    /**
     * A hello without a resume key (the frame an agent older than resume keys sends).
     *
     * @param protocol the agent protocol version
     * @param token the share token
     * @param alias the name controllers see before each device
     * @param extensions the optional parts of the link the agent offers
     * @throws NullPointerException     when {@code token}, {@code alias} or {@code extensions} is null
     * @throws IllegalArgumentException when nothing is left of the alias after cleaning
     */
    public Hello(int protocol, String token, String alias, LinkExtensions extensions) {
        this(protocol, token, alias, extensions, Optional.empty());
    }

    /**
     * A hello that offers no extension and has no resume key (the frame an older agent sends).
     *
     * @param protocol the agent protocol version
     * @param token the share token
     * @param alias the name controllers see before each device
     * @throws NullPointerException     when {@code token} or {@code alias} is null
     * @throws IllegalArgumentException when nothing is left of the alias after cleaning
     */
    public Hello(int protocol, String token, String alias) {
        this(protocol, token, alias, LinkExtensions.NONE);
    }

    /**
     * An alias fit to show: control and separator characters dropped, trimmed, at most
     * {@link #MAX_ALIAS} characters.
     *
     * @param alias a name as the person typed it
     * @return the cleaned name
     * @throws IllegalArgumentException when nothing is left
     */
    public static String cleanAlias(String alias) {
        return cleanAlias(alias, MAX_ALIAS);
    }

    /**
     * Like {@link #cleanAlias(String)}, with another length limit.
     *
     * @param alias     a name as the person typed it
     * @param maxLength most characters (code points) kept
     * @return the cleaned name
     * @throws IllegalArgumentException when nothing is left
     */
    public static String cleanAlias(String alias, int maxLength) {
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

    /**
     * The hello as the agent sends it.
     *
     * @return the JSON text frame
     */
    public String encode() {
        ObjectNode body = JSON.createObjectNode()
                .put("AgentProtocol", protocol).put("Token", token).put("Alias", alias);
        extensions.writeTo(body);
        resume.ifPresent(key -> body.put("Resume", key.reveal()));
        return JSON.createObjectNode().set("Hello", body).toString();
    }

    /**
     * Reads a hello frame. Unknown fields are ignored; {@code Extensions} is read leniently (see
     * {@link LinkExtensions}); {@code Resume}, when there, must be a {@linkplain ResumeKey#of well-formed key}.
     *
     * @param frame the first text frame of a share link
     * @return the hello
     * @throws IllegalArgumentException when the frame is not a well-formed hello
     */
    public static Hello decode(String frame) {
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
                body.get("Alias").textValue(), LinkExtensions.readFrom(body), resumeIn(body));
    }

    private static Optional<ResumeKey> resumeIn(JsonNode body) {
        JsonNode resume = body.get("Resume");
        if (resume == null) {
            return Optional.empty();
        }
        if (!resume.isTextual()) {
            throw new IllegalArgumentException("the hello's Resume must be a string");
        }
        try {
            return Optional.of(ResumeKey.of(resume.textValue()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the hello's Resume is not a resume key: " + e.getMessage());
        }
    }

    /**
     * This hello with another resume key (or none).
     *
     * @param key the key to send, or empty
     * @return a hello equal to this one but for its resume key
     * @throws NullPointerException when {@code key} is null
     */
    public Hello withResume(Optional<ResumeKey> key) {
        return new Hello(protocol, token, alias, extensions, key);
    }

    @Override
    public String toString() {
        return "Hello[protocol=" + protocol + ", alias=" + alias + ", extensions=" + extensions.versions()
                + ", token=redacted" + (resume.isPresent() ? ", resume=redacted" : "") + "]";
    }
}
