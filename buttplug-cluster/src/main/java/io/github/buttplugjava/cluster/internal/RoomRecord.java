package io.github.buttplugjava.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.Room;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A room as the cluster stores it in its rooms bucket: the name, the share token's hash, its
 * controllers (name, token hash, ceiling) and invites (alias, token hash). No plain token is ever
 * stored. The first controller is the room's {@value Room#FIRST_CONTROLLER}.
 *
 * @param name        the room's name
 * @param shareHash   the share token's hash
 * @param controllers the controllers, the first one first
 * @param invites     the invited sharers
 */
public record RoomRecord(String name, String shareHash, List<ControllerEntry> controllers, List<InviteEntry> invites) {

    /** Largest stored record, in bytes. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A record; the lists are copied.
     *
     * @param name        the room's name
     * @param shareHash   the share token's hash
     * @param controllers the controllers, 1..{@value Room#MAX_CONTROLLERS}
     * @param invites     the invites, at most {@value Room#MAX_INVITES}
     */
    public RoomRecord {
        Names.room(name);
        controllers = List.copyOf(controllers);
        invites = List.copyOf(invites);
        if (controllers.isEmpty() || controllers.size() > Room.MAX_CONTROLLERS || invites.size() > Room.MAX_INVITES) {
            throw new IllegalArgumentException("a room has 1.." + Room.MAX_CONTROLLERS + " controllers and at most "
                    + Room.MAX_INVITES + " invites");
        }
    }

    /**
     * A controller of a stored room.
     *
     * @param name      its name in the room
     * @param tokenHash its token's hash
     * @param ceiling   its ceiling
     */
    public record ControllerEntry(String name, String tokenHash, ControllerCeiling ceiling) {
    }

    /**
     * An invited sharer of a stored room.
     *
     * @param alias     the alias the invite is for
     * @param tokenHash the invite token's hash
     */
    public record InviteEntry(String alias, String tokenHash) {
    }

    /**
     * The stored form.
     *
     * @return JSON in UTF-8
     */
    public byte[] encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", 1).put("name", name).put("share", shareHash);
        ArrayNode cs = root.putArray("controllers");
        for (ControllerEntry c : controllers) {
            ObjectNode n = cs.addObject().put("name", c.name()).put("token", c.tokenHash())
                    .put("maxLevel", c.ceiling().maxLevel());
            ArrayNode outputs = n.putArray("outputs");
            c.ceiling().outputs().forEach(o -> outputs.add(o.name()));
            c.ceiling().expiry().ifPresent(d -> n.put("validForMs", d.toMillis()));
        }
        ArrayNode is = root.putArray("invites");
        invites.forEach(i -> is.addObject().put("alias", i.alias()).put("token", i.tokenHash()));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a stored record.
     *
     * @param bytes the stored value
     * @return the record
     * @throws IllegalArgumentException when it is not a record of this version, or too large
     */
    public static RoomRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("room record missing or larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.path("v").asInt() != 1) {
                throw new IllegalArgumentException("not a version 1 room record");
            }
            List<ControllerEntry> controllers = new ArrayList<>();
            for (JsonNode c : root.path("controllers")) {
                Set<OutputType> outputs = EnumSet.noneOf(OutputType.class);
                for (JsonNode o : c.path("outputs")) {
                    outputs.add(OutputType.valueOf(o.asText()));
                }
                Duration validFor = c.has("validForMs") ? Duration.ofMillis(c.get("validForMs").asLong()) : null;
                controllers.add(new ControllerEntry(text(c, "name"), text(c, "token"),
                        new ControllerCeiling(outputs, c.path("maxLevel").asDouble(1.0), validFor)));
            }
            List<InviteEntry> invites = new ArrayList<>();
            for (JsonNode i : root.path("invites")) {
                invites.add(new InviteEntry(text(i, "alias"), text(i, "token")));
            }
            return new RoomRecord(text(root, "name"), text(root, "share"), controllers, invites);
        } catch (IOException e) {
            throw new IllegalArgumentException("room record is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("room record lacks " + field);
        }
        return v.asText();
    }
}
