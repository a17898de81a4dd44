package io.github.buttplugjava.remote.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.PeerText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The hub's frame of the {@linkplain LinkExtensions#PRESENCE presence} extension, sent to an agent
 * on its share link, never to a controller:
 * {@code {"Presence":{"Controllers":["alice","bob"],"Devices":{"0":[0],"2":[1,0]}}}}.
 * {@code Controllers} are the controllers connected to the room now, in the order they joined;
 * {@code Devices} maps each of the agent's devices that some controller drives now (by the
 * device's index on the share link) to the controllers (as positions in {@code Controllers}) that
 * set the current value of one of its outputs. A device not listed is driven by nobody. Each frame
 * is the whole picture, so a newer frame replaces an older one and frames can be coalesced.
 *
 * <p>Buttplug frames are JSON arrays; this one is an object that starts with exactly
 * {@value #PREFIX}, which is how the agent tells it apart ({@link #isPresence}). Wire protocol of
 * the share link, like {@link Hello}: public for the hub and agent packages, not meant for apps.
 *
 * @param controllers the controllers connected now, in the order they joined
 * @param drivers     for each device driven now (its index on the link), who drives it
 */
public record PresenceFrame(List<String> controllers, Map<Integer, List<String>> drivers) {

    /** How every presence frame starts: {@value}. */
    public static final String PREFIX = "{\"Presence\":";

    /** Longest presence frame read, in characters; a longer one is refused unread: {@value}. */
    public static final int MAX_FRAME_CHARS = 64 * 1024;

    /** Most controllers read from one frame (a room's most): {@value}. */
    public static final int MAX_CONTROLLERS = 64;

    /** Most devices read from one frame: {@value}. */
    public static final int MAX_DEVICES = 256;

    /** Nobody here. */
    public static final PresenceFrame EMPTY = new PresenceFrame(List.of(), Map.of());

    /**
     * Copies the lists; devices with nobody driving them are dropped.
     *
     * @param controllers the controllers connected now, in the order they joined
     * @param drivers     for each device driven now, who drives it
     * @throws NullPointerException when an argument or an element is null
     */
    public PresenceFrame {
        controllers = List.copyOf(controllers);
        Map<Integer, List<String>> copy = new TreeMap<>();
        drivers.forEach((device, who) -> {
            if (!who.isEmpty()) {
                copy.put(Objects.requireNonNull(device, "device"), List.copyOf(who));
            }
        });
        drivers = Collections.unmodifiableMap(copy);
    }

    /**
     * Whether {@code frame} is a presence frame rather than Buttplug.
     *
     * @param frame a text frame of the share link
     * @return whether it starts with {@value #PREFIX}
     */
    public static boolean isPresence(String frame) {
        return frame.startsWith(PREFIX);
    }

    /**
     * The frame as the hub sends it. A driver that is not among {@link #controllers()} is left out.
     *
     * @return the JSON text frame
     */
    public String encode() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode names = body.putArray("Controllers");
        controllers.forEach(names::add);
        ObjectNode devices = body.putObject("Devices");
        drivers.forEach((device, who) -> {
            ArrayNode positions = Json.MAPPER.createArrayNode();
            who.stream().mapToInt(controllers::indexOf).filter(i -> i >= 0).forEach(positions::add);
            if (!positions.isEmpty()) {
                devices.set(Integer.toString(device), positions);
            }
        });
        return Json.MAPPER.createObjectNode().set("Presence", body).toString();
    }

    /**
     * Reads a presence frame from the hub, which is not trusted: names are cleaned and cut
     * ({@link PeerText#name}), at most {@value #MAX_CONTROLLERS} controllers and
     * {@value #MAX_DEVICES} devices are read, and entries that make no sense (a negative index, a
     * position outside {@code Controllers}) are skipped.
     *
     * @param frame a text frame for which {@link #isPresence} holds
     * @return the frame
     * @throws IllegalArgumentException when it is longer than {@value #MAX_FRAME_CHARS} characters,
     *                                  not JSON, or not shaped as a presence frame
     */
    public static PresenceFrame decode(String frame) {
        if (frame.length() > MAX_FRAME_CHARS) {
            throw new IllegalArgumentException("a presence frame of more than " + MAX_FRAME_CHARS + " characters");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(frame).get("Presence");
        } catch (Exception e) {
            throw new IllegalArgumentException("a presence frame that is not JSON");
        }
        if (body == null || !body.path("Controllers").isArray() || !body.path("Devices").isObject()) {
            throw new IllegalArgumentException(
                    "a presence frame must be {\"Presence\":{\"Controllers\":[…],\"Devices\":{…}}}");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : body.get("Controllers")) {
            if (names.size() == MAX_CONTROLLERS) {
                break;
            }
            String name = PeerText.name(n.asText(""));
            names.add(name.isEmpty() ? "(no name)" : name);
        }
        Map<Integer, List<String>> drivers = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> devices = body.get("Devices").fields();
        while (devices.hasNext() && drivers.size() < MAX_DEVICES) {
            Map.Entry<String, JsonNode> e = devices.next();
            int device = index(e.getKey());
            if (device < 0 || !e.getValue().isArray()) {
                continue;
            }
            List<String> who = new ArrayList<>();
            for (JsonNode p : e.getValue()) {
                if (who.size() == MAX_CONTROLLERS) {
                    break;
                }
                if (p.canConvertToInt() && p.isIntegralNumber() && p.intValue() >= 0 && p.intValue() < names.size()
                        && !who.contains(names.get(p.intValue()))) {
                    who.add(names.get(p.intValue()));
                }
            }
            drivers.put(device, who);
        }
        return new PresenceFrame(names, drivers);
    }

    /** A device index as the frame spells it, or -1. */
    private static int index(String key) {
        if (key.isEmpty() || key.length() > 9 || !key.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(key);
    }
}
