package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.remote.hub.ArbitrationPolicy;

/**
 * The rule of a room whose stored policy its owner node cannot make: every claim is refused with
 * the reason, so no controller drives anything until the room runs on a node that has the policy
 * (or the stored policy changes). Keeps no state.
 *
 * @param name   the stored policy's name
 * @param reason what each refused controller is told
 */
record RefusingPolicy(String name, String reason) implements ArbitrationPolicy {

    @Override
    public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
        return Claim.refuse(reason);
    }

    @Override
    public void release(String controller, String deviceId) {
    }

    @Override
    public String toString() {
        return "named(" + name + "), missing on this node";
    }
}
