package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** What the cluster tests share: tokens, simulated toys, agents that dial a list of hubs in turn, controllers. */
final class ClusterTesting {

    static final String SHARE = "cluster-share-token-0123456789";
    static final String CONTROL = "cluster-control-token-0123456789";
    static final DeviceGrant FULL = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1.0));

    /**
     * How long linking an agent or connecting a controller may take: no row times it, and node
     * processes on a machine shared with other builds have taken over 10 s to place a first link.
     */
    static final long LINK_TIMEOUT_S = 30;

    /**
     * How long a row waits for an event that only the behaviour under test produces (a link
     * closed by a revocation, a stop, a command reaching a toy): no row measures speed, and a
     * loaded 2-core machine has taken over a second to deliver such a close.
     */
    static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    private ClusterTesting() {
    }

    /**
     * Waits until {@code node}'s copy of the rooms bucket has {@code room}. A change made through
     * a node is in that node's index when the call returns; the other nodes get it through their
     * own watch, a moment later, and until then refuse the room's tokens as unknown.
     */
    static void awaitKnown(ClusterNode node, String room) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LINK_TIMEOUT_S);
        while (!node.rooms().names().contains(room)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.status().node() + " never learned of room " + room + "; it knows "
                        + node.rooms().names());
            }
            Thread.sleep(10); // bounded poll: the change travels through the node's watch
        }
    }

    static SimulatedDevices toys(String... names) {
        SimulatedDevices.Builder b = SimulatedDevices.builder().presentAtStart(true);
        for (String n : names) {
            b.add(n);
        }
        return b.build();
    }

    /** An agent that dials {@code hubs} in turn ({@code alsoHub}), the next one after each drop, and is linked when this returns. */
    static RemoteClient agent(String alias, SimulatedDevices toys, URI... hubs) throws Exception {
        RemoteClient.Builder b = RemoteClient.builder(hubs[0], SHARE, alias, toys)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(300));
        for (int i = 1; i < hubs.length; i++) {
            b.alsoHub(hubs[i]);
        }
        RemoteClient agent = b.build();
        agent.grants().shareAll(FULL).get(5, TimeUnit.SECONDS);
        agent.start().get(LINK_TIMEOUT_S, TimeUnit.SECONDS);
        return agent;
    }

    /** A connected controller and a future that completes when its link drops. */
    record Controller(ButtplugClient client, CompletableFuture<Long> droppedAtNanos) implements AutoCloseable {

        ButtplugClientDevice device(String name, long timeoutMs) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            while (System.nanoTime() < deadline) {
                for (ButtplugClientDevice d : client.devices()) {
                    if (d.name().equals(name)) {
                        return d;
                    }
                }
                Thread.sleep(20); // bounded poll for the device list
            }
            throw new AssertionError("no device named " + name + "; have " + client.devices());
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }

    static Controller controller(ButtplugConnector connector) throws Exception {
        CompletableFuture<Long> dropped = new CompletableFuture<>();
        ButtplugClient client = ButtplugClient.builder("cluster test controller").build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                dropped.complete(System.nanoTime());
            }
        });
        client.connect(connector).get(LINK_TIMEOUT_S, TimeUnit.SECONDS);
        return new Controller(client, dropped);
    }
}
