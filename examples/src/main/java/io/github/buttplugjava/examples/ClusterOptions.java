package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.cluster.ClusterRooms;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import picocli.CommandLine.Option;

import java.io.IOException;

/** {@code hub --cluster nats://host:4222 --node-name n1}: the hub as one node of a cluster on NATS (docs/CLUSTER.md). */
final class ClusterOptions {

    @Option(names = "--cluster", paramLabel = "NATS_URL",
            description = {"Run this hub as a node of a cluster on NATS (e.g. nats://127.0.0.1:4222; nats-server must run with -js).",
                    "Every node takes every link; the room (its controllers, ceilings, invites and policy, or the rooms of --room-config)",
                    "is stored in NATS with its tokens as salted hashes, and runs on one node at a time. A node where the room exists",
                    "serves it as stored and refuses different settings unless --update-room is given."})
    String natsUrl;

    @Option(names = "--node-name", paramLabel = "NAME",
            description = "This node's name in the cluster, unique (1..32 of A-Z a-z 0-9 _ -). Needed with --cluster.")
    String nodeName;

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "buttplug",
            description = "The cluster's name, so several clusters can share one NATS (default: ${DEFAULT-VALUE}).")
    String clusterName;

    @Option(names = "--update-room",
            description = {"With --cluster: store this command's room settings (--control-token, --controllers, --policy, --lease,",
                    "--turn, --share-token or --room-config) over the room's stored ones, at once, on the node running it:",
                    "controllers and invites left out are revoked (their links close), new ones can link, changed ceilings",
                    "and the policy apply to the next command. A controller given without a token keeps its stored one.",
                    "Without it, a node refuses settings that differ from the stored room's."})
    boolean updateRoom;

    @Option(names = "--delete-room", paramLabel = "NAME",
            description = {"With --cluster: delete the room NAME from the cluster and exit (no node is started; --node-name is",
                    "not needed). The node running it closes every link of the room, so agents stop their toys."})
    String deleteRoom;

    boolean enabled() {
        return natsUrl != null;
    }

    /** The cluster's rooms without running a node (for {@code --delete-room}). */
    ClusterRooms rooms() throws IOException {
        return ClusterRooms.connect(natsUrl, clusterName);
    }

    ClusterNode start(RemoteServerBuilder hub) throws IOException {
        if (nodeName == null) {
            throw new IllegalArgumentException("--cluster needs --node-name");
        }
        return ClusterNode.builder().nats(natsUrl).nodeName(nodeName).clusterName(clusterName).hub(hub).start();
    }
}
