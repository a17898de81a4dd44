package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.ArbitrationPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * A cluster room's arbitration policy as the cluster stores it: one of the hub's three rules with
 * its setting, so every owner node builds the same {@link ArbitrationPolicy}. (An app's own rule
 * cannot be stored; it can be set on a room of a single hub only.)
 *
 * @param kind    which rule
 * @param setting the exclusive lease or the turn; {@link Duration#ZERO} for the shared rule
 */
public record RoomPolicy(Kind kind, Duration setting) {

    /** Longest lease or turn: one day. */
    public static final Duration MAX_SETTING = Duration.ofDays(1);

    /** The rules a cluster room can store. */
    public enum Kind {
        /** {@link ArbitrationPolicy#shared()}. */
        SHARED,
        /** {@link ArbitrationPolicy#exclusive(Duration)}. */
        EXCLUSIVE,
        /** {@link ArbitrationPolicy#turns(Duration)}. */
        TURNS
    }

    /**
     * A policy.
     *
     * @param kind    which rule
     * @param setting the lease or turn: 1 ms to one day; ignored (stored as zero) for the shared rule
     * @throws IllegalArgumentException when the setting is out of range
     */
    public RoomPolicy {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SHARED) {
            setting = Duration.ZERO;
        } else if (setting == null || setting.toMillis() < 1 || setting.compareTo(MAX_SETTING) > 0) {
            throw new IllegalArgumentException("the " + (kind == Kind.EXCLUSIVE ? "lease" : "turn")
                    + " must be 1 ms to 1 day");
        }
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
     * A fresh hub policy of this rule (policies keep state, so each room gets its own).
     *
     * @return the policy
     */
    public ArbitrationPolicy toPolicy() {
        return switch (kind) {
            case SHARED -> ArbitrationPolicy.shared();
            case EXCLUSIVE -> ArbitrationPolicy.exclusive(setting);
            case TURNS -> ArbitrationPolicy.turns(setting);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.SHARED ? "shared" : kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + setting.toMillis() + " ms)";
    }
}
