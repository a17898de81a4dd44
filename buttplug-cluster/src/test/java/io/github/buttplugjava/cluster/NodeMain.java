package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;

/**
 * A hub node of a cluster in a process of its own, for the failure rows: {@code NodeMain <nats url>
 * <node name> [<room> <share token> <control token>]}. Prints {@code READY <port>} once serving,
 * then runs until killed.
 */
public final class NodeMain {

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        ClusterNode node = ClusterNode.builder().nats(args[0]).nodeName(args[1])
                .hub(RemoteServer.builder().port(0)).start();
        if (args.length >= 5) {
            node.createIfAbsent(args[2], AccessToken.of(args[3]), AccessToken.of(args[4]));
        }
        System.out.println("READY " + node.hub().port());
        System.out.flush();
        Thread.currentThread().join(); // until the test kills this process
    }
}
