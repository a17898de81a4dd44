package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.cluster.ClusterStatus;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;

import java.lang.management.ManagementFactory;

/**
 * One hub node of {@link ClusterIdleRun} in a JVM of its own, with the library's default settings:
 * {@code ClusterNodeMain <nats url> <node name> <rooms>}. Makes sure the rooms {@code idle0..} exist
 * in the cluster (tokens from {@link #shareToken(int)}), prints {@code READY <port>}, then once a
 * second {@code STATUS <agents in the rooms it owns> <open sockets> <bridged links> <rooms owned>
 * <process CPU ns> <heap used bytes> <bridged agent links it beats for their owners> <heartbeat
 * frames it wrote to them>}, until its standard input closes. Logs the cluster's events at INFO.
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    /** The share token of room {@code idle<r>}. */
    static String shareToken(int room) {
        return "idle-share-" + room + "-0123456789abcdef";
    }

    private static String controlToken(int room) {
        return "idle-control-" + room + "-0123456789abcdef";
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(HubLoadRun.LOG_LEVEL) == null) {
            System.setProperty(HubLoadRun.LOG_LEVEL, "error");
        }
        // the cluster's own events (peers taken for gone, leases lost or taken, links refused) are
        // what a failed run is read from: ClusterIdleRun keeps them in the run directory
        String clusterLog = "org.slf4j.simpleLogger.log.io.github.buttplugjava.cluster";
        if (System.getProperty(clusterLog) == null) {
            System.setProperty(clusterLog, "info");
        }
        String hubLog = "org.slf4j.simpleLogger.log.io.github.buttplugjava.remote.hub"; // agents joining, leaving, denied (and why)
        if (System.getProperty(hubLog) == null) {
            System.setProperty(hubLog, "info");
        }
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        int rooms = Integer.parseInt(args[2]);
        ClusterNode node = ClusterNode.builder().nats(args[0]).nodeName(args[1]).hub(RemoteServer.builder().port(0)).start();
        for (int r = 0; r < rooms; r++) {
            node.createIfAbsent("idle" + r, AccessToken.of(shareToken(r)), AccessToken.of(controlToken(r)));
        }
        System.out.println("READY " + node.hub().port());
        System.out.flush();
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; end of input means the parent is done
                }
            } catch (java.io.IOException e) {
                // the parent is gone
            }
            Runtime.getRuntime().halt(0); // thousands of orderly closes would take long
        }, "node-stdin");
        stdin.setDaemon(true);
        stdin.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        while (true) {
            ClusterStatus s = node.status();
            int agents = node.hub().rooms().stream().map(Room::agents).mapToInt(java.util.List::size).sum();
            System.out.println("STATUS " + agents + " " + node.hub().openConnections() + " " + s.bridgedLinks() + " "
                    + s.roomsOwned().size() + " " + os.getProcessCpuTime() + " "
                    + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) + " "
                    + s.relayedHeartbeatLinks() + " " + s.relayedHeartbeats());
            System.out.flush();
            Thread.sleep(1000); // a status line a second, for the parent
        }
    }
}
