package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.cluster.RoomPolicy;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.remote.hub.ArbitrationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The arbitration rules a node builds its rooms' policies from: the hub's three, and the app's own
 * rules it was given by name. A stored room whose named rule this node was not given (or whose
 * rule could not be made) runs with a {@link RefusingPolicy}: no controller drives anything in it
 * here, and each refusal says why. Immutable.
 */
public final class NodePolicies {

    private static final Logger log = LoggerFactory.getLogger(NodePolicies.class);

    private final Map<String, Supplier<? extends ArbitrationPolicy>> named;

    /**
     * The rules of a node.
     *
     * @param named the app's own rules by name (copied)
     */
    public NodePolicies(Map<String, Supplier<? extends ArbitrationPolicy>> named) {
        this.named = Map.copyOf(named);
    }

    /**
     * A node with only the hub's three rules.
     *
     * @return the rules
     */
    public static NodePolicies builtIn() {
        return new NodePolicies(Map.of());
    }

    /**
     * A fresh policy for a room (policies keep state, so each room gets its own).
     *
     * @param room   the room's name, for the log
     * @param stored the room's stored policy
     * @return the policy: the stored rule, or a {@link RefusingPolicy} when this node cannot make it
     */
    public ArbitrationPolicy build(String room, RoomPolicy stored) {
        if (stored.kind() != RoomPolicy.Kind.NAMED) {
            return stored.toPolicy();
        }
        Supplier<? extends ArbitrationPolicy> factory = named.get(stored.name());
        if (factory == null) {
            log.warn("cluster room {}: its policy \"{}\" was not given to this node; every command in it is refused here",
                    PeerText.clean(room, 64), stored.name());
            return new RefusingPolicy(stored.name(), "the policy \"" + stored.name()
                    + "\" of this room is not installed on the hub node that runs it");
        }
        try {
            return Objects.requireNonNull(factory.get(), "the factory gave no policy");
        } catch (RuntimeException e) {
            log.warn("cluster room {}: its policy \"{}\" could not be made ({}); every command in it is refused here",
                    PeerText.clean(room, 64), stored.name(), e.toString());
            return new RefusingPolicy(stored.name(), "the policy \"" + stored.name()
                    + "\" of this room could not be made on the hub node that runs it");
        }
    }
}
