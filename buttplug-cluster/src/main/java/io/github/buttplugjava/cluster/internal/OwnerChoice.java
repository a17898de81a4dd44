package io.github.buttplugjava.cluster.internal;

/**
 * Where a link for a room goes once its lease has been read: the decision of
 * {@link ClusterRouter}, kept apart so each case can be tested.
 */
enum OwnerChoice {
    /** This node holds the lease: run the room here (open it if it is not running yet) and attach. */
    HERE,
    /** Another node holds the lease and is alive: bridge the link to it. */
    BRIDGE,
    /** Nobody can serve it now (the lease is changing hands): the link is refused, the agent dials again. */
    MOVING,
    /** The holder is silent: refused until its lease expires. */
    HOLDER_GONE;

    /**
     * Decides.
     *
     * @param holderIsThisRun  the lease names this node in this run
     * @param holderIsThisNode the lease names this node's name (maybe an earlier run)
     * @param heldHere         this node's leases hold the room now (a lease read from NATS can be
     *                         older than a loss this node has seen: then the room must not be run
     *                         here, or it would run without a lease, which nobody renews or drops)
     * @param holderSilent     the holder is taken for gone
     * @return the choice
     */
    static OwnerChoice of(boolean holderIsThisRun, boolean holderIsThisNode, boolean heldHere, boolean holderSilent) {
        if (holderIsThisRun) {
            return heldHere ? HERE : MOVING;
        }
        if (holderIsThisNode) {
            return MOVING;
        }
        return holderSilent ? HOLDER_GONE : BRIDGE;
    }
}
