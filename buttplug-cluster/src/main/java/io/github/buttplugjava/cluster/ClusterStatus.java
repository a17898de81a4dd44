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
 */
public record ClusterStatus(String node, boolean natsConnected, int roomsKnown, List<String> roomsOwned,
                            int bridgedLinks) {

    /**
     * A status; the list is copied.
     *
     * @param node          the node's name
     * @param natsConnected whether the node reaches NATS now
     * @param roomsKnown    rooms in the cluster
     * @param roomsOwned    rooms owned here
     * @param bridgedLinks  bridged links with an end here
     */
    public ClusterStatus {
        roomsOwned = List.copyOf(roomsOwned);
    }
}
