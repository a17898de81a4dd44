package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import picocli.CommandLine.Option;

import java.io.IOException;

/** {@code hub --cluster nats://host:4222 --node-name n1}: the hub as one node of a cluster on NATS (docs/CLUSTER.md). */
final class ClusterOptions {

    @Option(names = "--cluster", paramLabel = "NATS_URL",
            description = {"Run this hub as a node of a cluster on NATS (e.g. nats://127.0.0.1:4222; nats-server must run with -js).",
                    "Every node takes every link; the room is stored in NATS (its tokens as salted hashes) and runs on one node at a time."})
    String natsUrl;

    @Option(names = "--node-name", paramLabel = "NAME",
            description = "This node's name in the cluster, unique (1..32 of A-Z a-z 0-9 _ -). Needed with --cluster.")
    String nodeName;

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "buttplug",
            description = "The cluster's name, so several clusters can share one NATS (default: ${DEFAULT-VALUE}).")
    String clusterName;

    boolean enabled() {
        return natsUrl != null;
    }

    ClusterNode start(RemoteServerBuilder hub) throws IOException {
        if (nodeName == null) {
            throw new IllegalArgumentException("--cluster needs --node-name");
        }
        return ClusterNode.builder().nats(natsUrl).nodeName(nodeName).clusterName(clusterName).hub(hub).start();
    }
}
