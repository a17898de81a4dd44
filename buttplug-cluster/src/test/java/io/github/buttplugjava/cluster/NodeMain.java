package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.remote.link.AccessToken;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A hub node of a cluster in a process of its own, for the tests with node processes:
 * {@code NodeMain <nats url> <node name> [--crowd] [<room> <share token> <control token> | <room>]}:
 * with the tokens the node creates the room; with its name alone it waits (up to 30 s) until it has
 * learned of the room through its watch, so links through it find the room at once.
 * Serves {@code /healthz} and {@code /metrics} on its port, prints {@code READY <port>} once
 * serving, then runs until it is killed or its standard input ends: the test JVM holds that pipe
 * open, so a node never outlives the test run that started it, even when that JVM is killed.
 *
 * <p>{@code --crowd}: settings for hundreds of agents dialing from 127.0.0.1 at once on a loaded
 * machine (a raised per-address cap on not-yet-heard sockets, relaxed keepalive, upgrade, first-frame and hello deadlines,
 * a 10 s lease and a node taken for gone after 5 s of silence instead of 3 s and 1 s).
 */
public final class NodeMain {


    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean crowd = args.length > 2 && "--crowd".equals(args[2]);
        int room = crowd ? 3 : 2;
        RemoteServerBuilder hub = RemoteServer.builder().port(0).metrics(true);
        if (crowd) {
            hub = hub.maxPendingConnections(1024, 1024)
                    .keepAlive(Duration.ofSeconds(2), Duration.ofSeconds(20))
                    .upgradeTimeout(Duration.ofSeconds(20))
                    .firstFrameTimeout(Duration.ofSeconds(20))
                    .helloTimeout(Duration.ofSeconds(20));
        }
        ClusterNode.Builder builder = ClusterNode.builder().nats(args[0]).nodeName(args[1]).hub(hub);
        if (crowd) {
            // failover time is not what the crowd checks: a node starved of CPU for a second is not taken for gone
            builder = builder.leaseTtl(Duration.ofSeconds(10)).heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5));
        }
        ClusterNode node = builder.start(); // waits for NATS up to natsStartWait (20 s)
        if (args.length >= room + 3) {
            node.createIfAbsent(args[room], AccessToken.of(args[room + 1]), AccessToken.of(args[room + 2]));
        } else if (args.length == room + 1) {
            awaitKnown(node, args[room]);
        }
        System.out.println("READY " + node.hub().port());
        System.out.flush();
        awaitEndOf(System.in);
        Runtime.getRuntime().halt(0); // the test that started this node is gone
    }

    /** {@link ClusterTesting#awaitKnown}; a node that never learns of the room ends, so its start fails. */
    private static void awaitKnown(ClusterNode node, String room) throws InterruptedException {
        try {
            ClusterTesting.awaitKnown(node, room);
        } catch (AssertionError e) {
            System.err.println(e.getMessage());
            Runtime.getRuntime().halt(3);
        }
    }

    private static void awaitEndOf(InputStream in) {
        byte[] ignored = new byte[256];
        try {
            while (in.read(ignored) >= 0) {
                // nothing is sent on this pipe: it only tells that the parent lives
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }
}
