package io.github.buttplugjava.cluster.internal;

import java.nio.charset.StandardCharsets;

/**
 * Who holds a room's lease: a node, in one run of its process (a node restarted under the same
 * name does not hold the leases of its earlier run).
 *
 * @param node the node's name
 * @param boot the run's random id
 */
public record LeaseHolder(String node, String boot) {

    byte[] encode() {
        return (node + " " + boot).getBytes(StandardCharsets.UTF_8);
    }

    static LeaseHolder decode(byte[] value) {
        String s = value == null ? "" : new String(value, StandardCharsets.UTF_8);
        int space = s.indexOf(' ');
        return space < 0 ? new LeaseHolder(s, "") : new LeaseHolder(s.substring(0, space), s.substring(space + 1));
    }
}
