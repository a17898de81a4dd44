package io.github.buttplugjava.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.remote.hub.Room;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The room configuration file of {@code hub --room-config FILE}: JSON, every room of the hub with
 * its share token, invited sharers, controllers (each with its ceiling), policy and lease or turn.
 * Unknown keys are errors (a typo must not silently drop a ceiling). See {@code docs/REMOTE.md} and
 * {@code examples/rooms.example.json}.
 *
 * <pre>{@code
 * {"rooms": [{"name": "default", "shareToken": "...", "policy": "turns", "turn": "30s",
 *             "invites": {"Alice": "..."},
 *             "controllers": [{"name": "bob", "token": "...", "types": ["vibrate"], "max": 30, "expires": "1h"}]}]}
 * }</pre>
 */
final class RoomConfigFile {

    /** Largest file read: {@value} bytes. */
    static final int MAX_BYTES = 1 << 20;
    /** Most rooms in one file: {@value}. */
    static final int MAX_ROOMS = 64;

    private static final Set<String> ROOM_KEYS = Set.of("name", "shareToken", "policy", "lease", "turn", "invites", "controllers");
    private static final Set<String> CONTROLLER_KEYS = Set.of("name", "token", "types", "max", "expires");

    private RoomConfigFile() {
    }

    /**
     * Reads the rooms of {@code file}.
     *
     * @throws IllegalArgumentException with one line naming the file, the place and what is wrong
     */
    static List<RoomPlan> read(Path file) {
        String where = "--room-config " + file;
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(where + ": larger than " + MAX_BYTES + " bytes");
            }
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject() || !root.path("rooms").isArray() || root.size() != 1) {
            throw new IllegalArgumentException(where + ": must be an object with one key, \"rooms\", an array");
        }
        JsonNode rooms = root.get("rooms");
        if (rooms.isEmpty() || rooms.size() > MAX_ROOMS) {
            throw new IllegalArgumentException(where + ": \"rooms\" must hold 1.." + MAX_ROOMS + " rooms");
        }
        List<RoomPlan> plans = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            plans.add(room(rooms.get(i), where + ": rooms[" + i + "]"));
        }
        return plans;
    }

    private static RoomPlan room(JsonNode room, String where) {
        keys(room, ROOM_KEYS, where);
        String name = text(room, "name", where);
        String at = where + " (" + name + ")";
        String policy = room.has("policy") ? text(room, "policy", at) : "shared";
        String lease = room.has("lease") ? text(room, "lease", at) : "10s";
        String turn = room.has("turn") ? text(room, "turn", at) : "30s";
        Map<String, String> invites = new LinkedHashMap<>();
        JsonNode inv = room.path("invites");
        if (room.has("invites")) {
            if (!inv.isObject() || inv.size() > Room.MAX_INVITES) {
                throw new IllegalArgumentException(at + ": \"invites\" must be an object of alias to token, at most "
                        + Room.MAX_INVITES);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = inv.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isTextual()) {
                    throw new IllegalArgumentException(at + ": invites." + e.getKey() + " must be a token (a string)");
                }
                invites.put(e.getKey(), e.getValue().asText());
            }
        }
        JsonNode cs = room.path("controllers");
        if (!cs.isArray() || cs.isEmpty() || cs.size() > Room.MAX_CONTROLLERS) {
            throw new IllegalArgumentException(at + ": \"controllers\" must be an array of 1.." + Room.MAX_CONTROLLERS
                    + " controllers");
        }
        List<ControllerSpec> controllers = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            controllers.add(controller(cs.get(i), at + ": controllers[" + i + "]"));
        }
        try {
            return new RoomPlan(name, room.has("shareToken") ? text(room, "shareToken", at) : null,
                    RoomControllerOptions.policy(policy, lease, turn, ""), invites, controllers);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage());
        }
    }

    private static ControllerSpec controller(JsonNode c, String where) {
        keys(c, CONTROLLER_KEYS, where);
        String name = c.has("name") ? text(c, "name", where) : null;
        String at = name == null ? where : where + " (" + name + ")";
        String token = c.has("token") ? text(c, "token", at) : null;
        List<String> types = null;
        if (c.has("types")) {
            JsonNode t = c.get("types");
            if (!t.isArray() || t.isEmpty() || t.size() > 32) {
                throw new IllegalArgumentException(at + ": \"types\" must be a non-empty array of output type names");
            }
            types = new ArrayList<>();
            for (JsonNode n : t) {
                types.add(n.asText());
            }
        }
        Integer max = null;
        if (c.has("max")) {
            if (!c.get("max").canConvertToExactIntegral()) {
                throw new IllegalArgumentException(at + ": \"max\" must be a whole percentage 1..100");
            }
            max = c.get("max").asInt();
        }
        String expires = c.has("expires") ? text(c, "expires", at) : null;
        return new ControllerSpec(name, token, ControllerSpec.ceiling(types, max, expires, at));
    }

    private static void keys(JsonNode node, Set<String> known, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key \"" + io.github.buttplugjava.core.PeerText.clean(key, 64) + "\" (known: "
                        + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static String text(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be a non-empty string");
        }
        return v.asText();
    }
}
