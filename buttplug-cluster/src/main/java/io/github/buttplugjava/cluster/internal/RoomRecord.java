package io.github.buttplugjava.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.cluster.RoomPolicy;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.Room;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A room as the cluster stores it in its rooms bucket: the name, the share token's hash, the
 * arbitration policy, its controllers (name, token hash, ceiling, when the access ends) and
 * invites (alias, token hash), the legacy grant of its buttplug-js 0.13 forwarders, if set, and
 * the aliases refused in it (revoked sharers). No plain token is ever stored. Written as the
 * oldest format version that holds it, so nodes that predate a feature still serve the rooms that
 * do not use it: version {@value #VERSION} when its policy is an app's own (named), else
 * {@value #VERSION_WITH_LEGACY} when it has a legacy grant or a refused alias, else
 * {@value #VERSION_WITHOUT_LEGACY}. Version 1 records (no policy, no end times) are read as the
 * shared policy with each expiry counted from when the owner builds the room; a node refuses
 * versions newer than its own (it does not serve that room).
 *
 * @param name        the room's name
 * @param shareHash   the share token's hash
 * @param policy      the arbitration policy
 * @param controllers the controllers, the first one first
 * @param invites     the invited sharers
 * @param legacyGrant what the devices of 0.13 forwarders may do in the room, or null for the
 *                    owner hub's own legacy grant
 * @param refused     aliases refused in the room (and look-alikes), whatever token comes with
 *                    them, until invited again; sorted
 */
public record RoomRecord(String name, String shareHash, RoomPolicy policy, List<ControllerEntry> controllers,
                         List<InviteEntry> invites, DeviceGrant legacyGrant, List<String> refused) {

    /** The newest format version, written when the record's policy is a named one. */
    public static final int VERSION = 4;

    /** The format version written when the record has a legacy grant or a refused alias (and no named policy). */
    public static final int VERSION_WITH_LEGACY = 3;

    /** The format version written when the record has neither. */
    public static final int VERSION_WITHOUT_LEGACY = 2;

    /** Most aliases one room refuses. */
    public static final int MAX_REFUSED = 256;

    /** Largest stored record, in bytes. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A record; the lists are copied.
     *
     * @param name        the room's name
     * @param shareHash   the share token's hash
     * @param policy      the arbitration policy
     * @param controllers the controllers, 1..{@value Room#MAX_CONTROLLERS}, names unique
     * @param invites     the invites, at most {@value Room#MAX_INVITES}, aliases unique
     * @param legacyGrant the legacy grant, or null
     * @param refused     the refused aliases, at most {@value #MAX_REFUSED} (kept sorted, each once)
     * @throws IllegalArgumentException when a bound is passed, a name repeats or two tokens are the same
     */
    public RoomRecord {
        Names.room(name);
        java.util.Objects.requireNonNull(policy, "policy");
        controllers = List.copyOf(controllers);
        invites = List.copyOf(invites);
        refused = refused.stream().distinct().sorted().toList();
        if (refused.size() > MAX_REFUSED) {
            throw new IllegalArgumentException("a room refuses at most " + MAX_REFUSED + " aliases");
        }
        if (controllers.isEmpty() || controllers.size() > Room.MAX_CONTROLLERS || invites.size() > Room.MAX_INVITES) {
            throw new IllegalArgumentException("a room has 1.." + Room.MAX_CONTROLLERS + " controllers and at most "
                    + Room.MAX_INVITES + " invites");
        }
        Set<String> hashes = new HashSet<>(List.of(shareHash));
        Set<String> names = new HashSet<>();
        for (ControllerEntry c : controllers) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("the controller " + c.name() + " is in the room twice");
            }
            if (!hashes.add(c.tokenHash())) {
                throw new IllegalArgumentException("the token of controller " + c.name() + " is another token of the room");
            }
        }
        Set<String> aliases = new HashSet<>();
        for (InviteEntry i : invites) {
            if (!aliases.add(i.alias())) {
                throw new IllegalArgumentException("the alias " + i.alias() + " is invited twice");
            }
            if (!hashes.add(i.tokenHash())) {
                throw new IllegalArgumentException("the invite of " + i.alias() + " has another token of the room");
            }
        }
    }

    /**
     * A record without a legacy grant (the owner hub's own holds 0.13 forwarders).
     *
     * @param name        the room's name
     * @param shareHash   the share token's hash
     * @param policy      the arbitration policy
     * @param controllers the controllers
     * @param invites     the invites
     */
    public RoomRecord(String name, String shareHash, RoomPolicy policy, List<ControllerEntry> controllers,
                      List<InviteEntry> invites) {
        this(name, shareHash, policy, controllers, invites, null, List.of());
    }

    /**
     * A record that refuses no alias.
     *
     * @param name        the room's name
     * @param shareHash   the share token's hash
     * @param policy      the arbitration policy
     * @param controllers the controllers
     * @param invites     the invites
     * @param legacyGrant the legacy grant, or null
     */
    public RoomRecord(String name, String shareHash, RoomPolicy policy, List<ControllerEntry> controllers,
                      List<InviteEntry> invites, DeviceGrant legacyGrant) {
        this(name, shareHash, policy, controllers, invites, legacyGrant, List.of());
    }

    /**
     * This record with other controllers.
     *
     * @param list the controllers
     * @return the changed copy
     */
    public RoomRecord withControllers(List<ControllerEntry> list) {
        return new RoomRecord(name, shareHash, policy, list, invites, legacyGrant, refused);
    }

    /**
     * This record with other invites.
     *
     * @param list the invites
     * @return the changed copy
     */
    public RoomRecord withInvites(List<InviteEntry> list) {
        return new RoomRecord(name, shareHash, policy, controllers, list, legacyGrant, refused);
    }

    /**
     * This record with another legacy grant.
     *
     * @param grant the grant, or null
     * @return the changed copy
     */
    public RoomRecord withLegacyGrant(DeviceGrant grant) {
        return new RoomRecord(name, shareHash, policy, controllers, invites, grant, refused);
    }

    /**
     * This record with other refused aliases.
     *
     * @param aliases the aliases
     * @return the changed copy
     */
    public RoomRecord withRefused(List<String> aliases) {
        return new RoomRecord(name, shareHash, policy, controllers, invites, legacyGrant, aliases);
    }

    /**
     * A record of the shared policy.
     *
     * @param name        the room's name
     * @param shareHash   the share token's hash
     * @param controllers the controllers
     * @param invites     the invites
     */
    public RoomRecord(String name, String shareHash, List<ControllerEntry> controllers, List<InviteEntry> invites) {
        this(name, shareHash, RoomPolicy.shared(), controllers, invites, null, List.of());
    }

    /**
     * A controller of a stored room.
     *
     * @param name        its name in the room
     * @param tokenHash   its token's hash
     * @param ceiling     its ceiling
     * @param expiresAtMs when its access ends (epoch ms, the cluster's wall clock), or 0 when it
     *                    does not end or (version 1) its expiry counts from when the owner builds it
     */
    public record ControllerEntry(String name, String tokenHash, ControllerCeiling ceiling, long expiresAtMs) {

        /**
         * A controller whose expiry (if any) counts from when the owner builds the room.
         *
         * @param name      its name in the room
         * @param tokenHash its token's hash
         * @param ceiling   its ceiling
         */
        public ControllerEntry(String name, String tokenHash, ControllerCeiling ceiling) {
            this(name, tokenHash, ceiling, 0);
        }

        /**
         * Its ceiling as an owner builds it at {@code nowMs}: the expiry shortened to what is left.
         *
         * @param nowMs the wall clock, epoch ms
         * @return the ceiling, or empty when its access has ended
         */
        public java.util.Optional<ControllerCeiling> ceilingAt(long nowMs) {
            if (expiresAtMs == 0 || ceiling.expiry().isEmpty()) {
                return java.util.Optional.of(ceiling);
            }
            long left = expiresAtMs - nowMs;
            return left <= 0 ? java.util.Optional.empty()
                    : java.util.Optional.of(ceiling.withValidFor(Duration.ofMillis(left)));
        }
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
        int version = policy.kind() == RoomPolicy.Kind.NAMED ? VERSION
                : legacyGrant == null && refused.isEmpty() ? VERSION_WITHOUT_LEGACY : VERSION_WITH_LEGACY;
        root.put("v", version).put("name", name).put("share", shareHash);
        ObjectNode p = root.putObject("policy").put("kind", policy.kind().name().toLowerCase(Locale.ROOT))
                .put("ms", policy.setting().toMillis());
        if (policy.name() != null) {
            p.put("name", policy.name());
        }
        ArrayNode cs = root.putArray("controllers");
        for (ControllerEntry c : controllers) {
            ObjectNode n = cs.addObject().put("name", c.name()).put("token", c.tokenHash())
                    .put("maxLevel", c.ceiling().maxLevel());
            ArrayNode outputs = n.putArray("outputs");
            c.ceiling().outputs().forEach(o -> outputs.add(o.name()));
            c.ceiling().expiry().ifPresent(d -> n.put("validForMs", d.toMillis()));
            if (c.expiresAtMs() != 0) {
                n.put("expiresAtMs", c.expiresAtMs());
            }
        }
        ArrayNode is = root.putArray("invites");
        invites.forEach(i -> is.addObject().put("alias", i.alias()).put("token", i.tokenHash()));
        if (legacyGrant != null) {
            LegacyGrantJson.write(legacyGrant, root.putObject("legacy"));
        }
        if (!refused.isEmpty()) {
            ArrayNode rs = root.putArray("refused");
            refused.forEach(rs::add);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a stored record.
     *
     * @param bytes the stored value
     * @return the record
     * @throws IllegalArgumentException when it is not a record of version 1 to {@value #VERSION}, or too large
     */
    public static RoomRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("room record missing or larger than " + MAX_BYTES + " bytes");
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            int version = root == null ? 0 : root.path("v").asInt();
            if (version < 1 || version > VERSION) {
                throw new IllegalArgumentException("not a version 1 to " + VERSION + " room record (a newer node wrote it?)");
            }
            List<ControllerEntry> controllers = new ArrayList<>();
            for (JsonNode c : root.path("controllers")) {
                Set<OutputType> outputs = EnumSet.noneOf(OutputType.class);
                for (JsonNode o : c.path("outputs")) {
                    outputs.add(OutputType.valueOf(o.asText()));
                }
                Duration validFor = c.has("validForMs") ? Duration.ofMillis(c.get("validForMs").asLong()) : null;
                controllers.add(new ControllerEntry(text(c, "name"), text(c, "token"),
                        new ControllerCeiling(outputs, c.path("maxLevel").asDouble(1.0), validFor),
                        c.path("expiresAtMs").asLong(0)));
            }
            List<InviteEntry> invites = new ArrayList<>();
            for (JsonNode i : root.path("invites")) {
                invites.add(new InviteEntry(text(i, "alias"), text(i, "token")));
            }
            JsonNode legacy = root.path("legacy");
            DeviceGrant legacyGrant = version >= 3 && !legacy.isMissingNode() ? LegacyGrantJson.read(legacy) : null;
            List<String> refused = new ArrayList<>();
            for (JsonNode r : root.path("refused")) {
                if (!r.isTextual() || r.asText().isEmpty() || r.asText().length() > 64) {
                    throw new IllegalArgumentException("room record has an unreadable refused alias");
                }
                refused.add(r.asText());
            }
            return new RoomRecord(text(root, "name"), text(root, "share"), policy(root.path("policy"), version), controllers, invites,
                    legacyGrant, refused);
        } catch (IOException e) {
            throw new IllegalArgumentException("room record is not JSON", e);
        }
    }

    private static RoomPolicy policy(JsonNode p, int version) {
        if (p.isMissingNode()) {
            return RoomPolicy.shared(); // version 1
        }
        RoomPolicy.Kind kind;
        try {
            kind = RoomPolicy.Kind.valueOf(text(p, "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("room record has an unknown policy");
        }
        if (kind == RoomPolicy.Kind.NAMED) {
            if (version < VERSION) {
                throw new IllegalArgumentException("room record has a named policy in a version " + version + " record");
            }
            return RoomPolicy.named(text(p, "name")); // an unusable name: IllegalArgumentException
        }
        return new RoomPolicy(kind, Duration.ofMillis(p.path("ms").asLong(0)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("room record lacks " + field);
        }
        return v.asText();
    }
}
