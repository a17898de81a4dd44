package io.github.buttplugjava.cluster.internal;

/**
 * The NATS subjects of one cluster (docs/CLUSTER.md): {@code <c>.hb.<node>} heartbeats,
 * {@code <c>.open.<node>} requests to open a bridged link at an owner, {@code <c>.to.<node>.<link>.f}
 * frames and {@code <c>.to.<node>.<link>.c} close notices sent to a node for one of its links,
 * {@code <c>.to.<node>.<owner>.b} an owner's hub heartbeat for every bridged agent link that node
 * enters for it ({@link RelayedBeats}).
 *
 * @param cluster the cluster's name, the first token of every subject
 */
public record Subjects(String cluster) {

    /**
     * The subjects of {@code cluster}.
     *
     * @param cluster a checked cluster name
     */
    public Subjects {
        Names.node(cluster, "the cluster name");
    }

    String heartbeat(String node) {
        return cluster + ".hb." + node;
    }

    String heartbeats() {
        return cluster + ".hb.*";
    }

    String open(String node) {
        return cluster + ".open." + node;
    }

    String frame(String node, String link) {
        return cluster + ".to." + node + "." + link + ".f";
    }

    String close(String node, String link) {
        return cluster + ".to." + node + "." + link + ".c";
    }

    /** One hub heartbeat from {@code owner} for every beating agent link {@code node} bridges to it. */
    String beat(String node, String owner) {
        return cluster + ".to." + node + "." + owner + ".b";
    }

    String beatsTo(String node) {
        return cluster + ".to." + node + ".*.b";
    }

    /** The prefix of every frame and close subject sent to {@code node}: {@code <c>.to.<node>.}. */
    String linksOf(String node) {
        return cluster + ".to." + node + ".";
    }

    String framesTo(String node) {
        return cluster + ".to." + node + ".*.f";
    }

    String closesTo(String node) {
        return cluster + ".to." + node + ".*.c";
    }

    /**
     * The link id of a frame or close subject ({@code <c>.to.<node>.<link>.x}), the owner of a
     * beat subject ({@code <c>.to.<node>.<owner>.b}), or null.
     */
    static String linkOf(String subject) {
        int end = subject.lastIndexOf('.');
        int start = end < 1 ? -1 : subject.lastIndexOf('.', end - 1);
        return start < 0 ? null : subject.substring(start + 1, end);
    }

    String roomsBucket() {
        return cluster + "_rooms";
    }

    String leasesBucket() {
        return cluster + "_leases";
    }
}
