package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.ArbitrationPolicy;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A cluster room's arbitration policy as the cluster stores it: one of the hub's three rules with
 * its setting, or the name of an app's own rule, so every owner node builds the same
 * {@link ArbitrationPolicy}. A class is not data: an app's own rule is stored by name, and each
 * node that may own the room is given the rule under that name
 * ({@link ClusterNode.Builder#policy(String, java.util.function.Supplier)}). A node that lacks it
 * runs the room refusing every command, with the reason (docs/CLUSTER.md, "Named policies").
 *
 * @param kind    which rule
 * @param setting the exclusive lease or the turn; {@link Duration#ZERO} for the shared and named rules
 * @param name    the name of an app's own rule ({@link Kind#NAMED}); null for the others
 */
public record RoomPolicy(Kind kind, Duration setting, String name) {

    /** Longest lease or turn: one day. */
    public static final Duration MAX_SETTING = Duration.ofDays(1);

    /** Longest name of an app's own rule. */
    public static final int MAX_NAME_LENGTH = 64;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_NAME_LENGTH + "}");

    /** The rules a cluster room can store. */
    public enum Kind {
        /** {@link ArbitrationPolicy#shared()}. */
        SHARED,
        /** {@link ArbitrationPolicy#exclusive(Duration)}. */
        EXCLUSIVE,
        /** {@link ArbitrationPolicy#turns(Duration)}. */
        TURNS,
        /** An app's own rule, stored by name and given to the nodes under that name. */
        NAMED
    }

    /**
     * A policy.
     *
     * @param kind    which rule
     * @param setting the lease or turn: 1 ms to one day; ignored (stored as zero) for the shared and
     *                named rules
     * @param name    for {@link Kind#NAMED}: 1 to {@value #MAX_NAME_LENGTH} of {@code A-Z a-z 0-9 . _ -};
     *                ignored (null) for the others
     * @throws IllegalArgumentException when the setting is out of range or the name unusable
     */
    public RoomPolicy {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NAMED) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a policy name must be 1 to " + MAX_NAME_LENGTH
                        + " of A-Z a-z 0-9 . _ -");
            }
            setting = Duration.ZERO;
        } else {
            name = null;
            if (kind == Kind.SHARED) {
                setting = Duration.ZERO;
            } else if (setting == null || setting.toMillis() < 1 || setting.compareTo(MAX_SETTING) > 0) {
                throw new IllegalArgumentException("the " + (kind == Kind.EXCLUSIVE ? "lease" : "turn")
                        + " must be 1 ms to 1 day");
            }
        }
    }

    /**
     * One of the hub's own rules.
     *
     * @param kind    {@link Kind#SHARED}, {@link Kind#EXCLUSIVE} or {@link Kind#TURNS}
     * @param setting the lease or turn: 1 ms to one day; ignored for the shared rule
     * @throws IllegalArgumentException when the setting is out of range, or {@code kind} is
     *                                  {@link Kind#NAMED} (use {@link #named(String)})
     */
    public RoomPolicy(Kind kind, Duration setting) {
        this(kind, setting, null);
    }

    /**
     * The latest command wins, per output.
     *
     * @return the shared policy
     */
    public static RoomPolicy shared() {
        return new RoomPolicy(Kind.SHARED, Duration.ZERO);
    }

    /**
     * A controller holds a device until idle for {@code lease}.
     *
     * @param lease the idle time after which another controller may take a device
     * @return the exclusive policy
     * @throws IllegalArgumentException when {@code lease} is not 1 ms to one day
     */
    public static RoomPolicy exclusive(Duration lease) {
        return new RoomPolicy(Kind.EXCLUSIVE, lease);
    }

    /**
     * Controllers take turns of {@code turn}.
     *
     * @param turn how long each turn lasts
     * @return the turns policy
     * @throws IllegalArgumentException when {@code turn} is not 1 ms to one day
     */
    public static RoomPolicy turns(Duration turn) {
        return new RoomPolicy(Kind.TURNS, turn);
    }

    /**
     * An app's own rule, by the name its nodes know it under
     * ({@link ClusterNode.Builder#policy(String, java.util.function.Supplier)}).
     *
     * @param name 1 to {@value #MAX_NAME_LENGTH} of {@code A-Z a-z 0-9 . _ -}
     * @return the named policy
     * @throws IllegalArgumentException when the name is unusable
     */
    public static RoomPolicy named(String name) {
        return new RoomPolicy(Kind.NAMED, Duration.ZERO, name);
    }

    /**
     * A fresh hub policy of this rule (policies keep state, so each room gets its own).
     *
     * @return the policy
     * @throws IllegalStateException for a {@linkplain Kind#NAMED named} rule: only a node that was
     *                               given it can build it
     */
    public ArbitrationPolicy toPolicy() {
        return switch (kind) {
            case SHARED -> ArbitrationPolicy.shared();
            case EXCLUSIVE -> ArbitrationPolicy.exclusive(setting);
            case TURNS -> ArbitrationPolicy.turns(setting);
            case NAMED -> throw new IllegalStateException("the policy \"" + name
                    + "\" is an app's own: a cluster node given it under that name builds it");
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SHARED -> "shared";
            case NAMED -> "named(" + name + ")";
            default -> kind.name().toLowerCase(Locale.ROOT) + "(" + setting.toMillis() + " ms)";
        };
    }
}
