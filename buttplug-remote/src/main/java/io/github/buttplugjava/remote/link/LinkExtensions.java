package io.github.buttplugjava.remote.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Optional parts of the share link, each with its own version, offered in the agent's
 * {@link Hello} and agreed in the hub's {@link HelloReply.Welcome}: {@code "Extensions":{"Presence":1}}.
 * A peer that does not know an extension ignores it, so an older hub or agent still links, without
 * it; a hub speaks an extension on a link only when its welcome names it. Wire protocol of the
 * share link, like {@link Hello}: public for the hub and agent packages, not meant for apps.
 *
 * @param versions each extension's name and version (at least 1), in the order given
 */
public record LinkExtensions(Map<String, Integer> versions) {

    /** The presence extension: the hub tells the agent who is in the room and who drives its toys ({@link PresenceFrame}). */
    public static final String PRESENCE = "Presence";

    /** The version of {@link #PRESENCE} this library speaks. */
    public static final int PRESENCE_VERSION = 1;

    /** Most extensions read from a peer; the rest are ignored. */
    public static final int MAX_EXTENSIONS = 16;

    /** Longest extension name read from a peer; longer ones are ignored. */
    public static final int MAX_NAME = 32;

    /** No extension. */
    public static final LinkExtensions NONE = new LinkExtensions(Map.of());

    /** What this library offers and accepts: {@link #PRESENCE} version {@link #PRESENCE_VERSION}. */
    public static final LinkExtensions SUPPORTED = new LinkExtensions(Map.of(PRESENCE, PRESENCE_VERSION));

    /**
     * Checks and copies the versions.
     *
     * @param versions each extension's name and version
     * @throws NullPointerException     when {@code versions} is null
     * @throws IllegalArgumentException when a version is below 1, a name is unusable, or there are
     *                                  more than {@value #MAX_EXTENSIONS}
     */
    public LinkExtensions {
        Objects.requireNonNull(versions, "versions");
        if (versions.size() > MAX_EXTENSIONS) {
            throw new IllegalArgumentException("at most " + MAX_EXTENSIONS + " extensions");
        }
        versions.forEach((name, version) -> {
            if (!usableName(name) || version == null || version < 1) {
                throw new IllegalArgumentException("an extension needs a name of 1 to " + MAX_NAME
                        + " letters or digits and a version of at least 1");
            }
        });
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /**
     * The version of one extension.
     *
     * @param name the extension's name, e.g. {@link #PRESENCE}
     * @return its version, or 0 when it is not there
     */
    public int version(String name) {
        return versions.getOrDefault(name, 0);
    }

    /**
     * Whether an extension is there.
     *
     * @param name the extension's name
     * @return whether it is there, at any version
     */
    public boolean has(String name) {
        return version(name) > 0;
    }

    /**
     * What both sides speak: each of these extensions that {@code offered} also has, at the lower
     * of the two versions.
     *
     * @param offered the other side's extensions
     * @return the extensions both speak
     */
    public LinkExtensions agreedWith(LinkExtensions offered) {
        Map<String, Integer> both = new LinkedHashMap<>();
        versions.forEach((name, version) -> {
            int theirs = offered.version(name);
            if (theirs > 0) {
                both.put(name, Math.min(version, theirs));
            }
        });
        return new LinkExtensions(both);
    }

    /** Adds {@code "Extensions":{…}} to {@code body}, unless there are none (then the frame is as an older peer writes it). */
    void writeTo(ObjectNode body) {
        if (!versions.isEmpty()) {
            ObjectNode node = body.putObject("Extensions");
            versions.forEach(node::put);
        }
    }

    /**
     * Reads {@code body.Extensions} leniently: a missing or malformed field is no extension; an entry
     * whose name or version is unusable is skipped; at most {@value #MAX_EXTENSIONS} are read.
     */
    static LinkExtensions readFrom(JsonNode body) {
        JsonNode node = body == null ? null : body.get("Extensions");
        if (node == null || !node.isObject()) {
            return NONE;
        }
        Map<String, Integer> read = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext() && read.size() < MAX_EXTENSIONS) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            if (usableName(e.getKey()) && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= 1) {
                read.put(e.getKey(), v.intValue());
            }
        }
        return new LinkExtensions(read);
    }

    private static boolean usableName(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME
                && name.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
    }
}
