package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.OperatorStatus;

import java.util.function.Supplier;

/**
 * A node's part of {@code /healthz} and {@code /metrics}: NATS state, rooms known and owned,
 * bridged links. {@code /healthz} answers 503 while NATS is unreachable, so a load balancer sends
 * new links to other nodes; the links this node holds keep running. Room names are not shown
 * (they may be personal); only counts.
 */
final class ClusterHealth implements OperatorStatus {

    private final Supplier<ClusterStatus> status;

    ClusterHealth(Supplier<ClusterStatus> status) {
        this.status = status;
    }

    @Override
    public boolean healthy() {
        return status.get().natsConnected();
    }

    @Override
    public String healthText() {
        ClusterStatus s = status.get();
        return "node " + s.node() + "\n"
                + "nats " + (s.natsConnected() ? "connected" : "unreachable") + "\n"
                + "rooms owned " + s.roomsOwned().size() + " of " + s.roomsKnown() + "\n"
                + "bridged links " + s.bridgedLinks() + "\n";
    }

    @Override
    public String metricsText() {
        ClusterStatus s = status.get();
        return gauge("buttplug_cluster_nats_connected", "1 while this node reaches NATS", s.natsConnected() ? 1 : 0)
                + gauge("buttplug_cluster_rooms_known", "Rooms in the cluster's rooms bucket", s.roomsKnown())
                + gauge("buttplug_cluster_rooms_owned", "Rooms this node owns and runs", s.roomsOwned().size())
                + gauge("buttplug_cluster_bridged_links", "Bridged links with an end on this node", s.bridgedLinks())
                + gauge("buttplug_cluster_relayed_heartbeat_links",
                        "Bridged agent links this node beats for their owners", s.relayedHeartbeatLinks())
                + metric("buttplug_cluster_relayed_heartbeats_total",
                        "Heartbeat frames this node wrote to bridged agent links for their owners", "counter",
                        s.relayedHeartbeats());
    }

    private static String metric(String name, String help, String type, long value) {
        return "# HELP " + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " + value + "\n";
    }

    private static String gauge(String name, String help, long value) {
        return metric(name, help, "gauge", value);
    }
}
