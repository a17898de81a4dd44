package io.github.buttplugjava.cluster;

import java.util.List;

/**
 * What one node of a cluster is doing now, for {@code /healthz} and {@code /metrics}.
 *
 * @param node         the node's name
 * @param natsConnected whether the node reaches NATS now
 * @param roomsKnown   rooms in the cluster (this node's copy of the rooms bucket)
 * @param roomsOwned   names of the rooms this node owns and runs
 * @param bridgedLinks bridged links with an end on this node (as entry or as owner)
 * @param relayedHeartbeatLinks bridged agent links this node beats for their owners (docs/CLUSTER.md,
 *                     "Hub heartbeats across the bridge")
 * @param relayedHeartbeats heartbeat frames this node wrote to such links since it started
 */
public record ClusterStatus(String node, boolean natsConnected, int roomsKnown, List<String> roomsOwned,
                            int bridgedLinks, int relayedHeartbeatLinks, long relayedHeartbeats) {

    /**
     * A status; the list is copied.
     *
     * @param node          the node's name
     * @param natsConnected whether the node reaches NATS now
     * @param roomsKnown    rooms in the cluster
     * @param roomsOwned    rooms owned here
     * @param bridgedLinks  bridged links with an end here
     * @param relayedHeartbeatLinks bridged agent links beaten here for their owners
     * @param relayedHeartbeats     heartbeat frames written to them since the node started
     */
    public ClusterStatus {
        roomsOwned = List.copyOf(roomsOwned);
    }

    /**
     * A status without heartbeat relay figures (both zero), as before they were reported.
     *
     * @param node          the node's name
     * @param natsConnected whether the node reaches NATS now
     * @param roomsKnown    rooms in the cluster
     * @param roomsOwned    rooms owned here
     * @param bridgedLinks  bridged links with an end here
     */
    public ClusterStatus(String node, boolean natsConnected, int roomsKnown, List<String> roomsOwned, int bridgedLinks) {
        this(node, natsConnected, roomsKnown, roomsOwned, bridgedLinks, 0, 0);
    }
}
