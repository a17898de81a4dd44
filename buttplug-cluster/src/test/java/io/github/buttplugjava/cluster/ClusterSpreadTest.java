package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 300 agents (in this JVM) share one toy each into one room over three hub nodes, each a JVM of
 * its own ({@link NodeProcess}) on a real nats-server, 100 agents dialing each node. One node owns
 * the room; the others bridge their agents to it. Then a controller on each node in turn lists
 * every device exactly once and drives every toy, on agents linked to every node, asserted at the
 * simulated toys; when it leaves, everything it drove stops.
 *
 * <p>This replaces a version with the three nodes in the test's JVM: that one exercised no
 * process boundary, and the CI budget has room for one 300-agent run, not two.
 */
class ClusterSpreadTest {

    private static final int NODES = 3;
    private static final int AGENTS = 300;
    private static final int BATCH = 50;
    private static final String HUSH = " - Lovense Hush";
    /** One level per controller, so each controller's commands are told apart at the toys (a Hush has 20 steps). */
    private static final double[] LEVELS = {0.25, 0.5, 0.75};
    private static final int STEPS = 20;

    @Test
    void threeHundredAgentsOverThreeNodeProcessesAreEachListedOnceAndDrivenThroughEveryNode() throws Exception {
        long t0 = System.nanoTime();
        List<RemoteClient> agents = new ArrayList<>();
        List<SimulatedDevice> toys = new ArrayList<>();
        try (NodeCluster cluster = NodeCluster.start(NODES, true, "crowd", SHARE, CONTROL)) {
            long nodesUp = System.nanoTime();
            try {
                link(cluster, agents, toys);
                long linked = System.nanoTime();

                awaitOneOwnerAndEveryOtherAgentBridged(cluster, Duration.ofSeconds(20));
                long converged = System.nanoTime();

                StringBuilder figures = new StringBuilder();
                for (int k = 1; k <= NODES; k++) {
                    long t = System.nanoTime();
                    listAndDriveEverything(cluster.node(k), toys, LEVELS[k - 1]);
                    figures.append(String.format(" n%d %d ms;", k, (System.nanoTime() - t) / 1_000_000));
                }
                System.out.printf("%d agents over %d node processes: nodes up %d ms, agents linked %d ms, one owner"
                                + " seen after %d ms more, list+drive+stop through each node:%s total %d ms%n", AGENTS, NODES,
                        ms(nodesUp - t0), ms(linked - nodesUp), ms(converged - linked), figures, ms(System.nanoTime() - t0));
            } finally {
                agents.forEach(RemoteClient::close);
            }
        }
    }

    /**
     * Exactly one node owns the room and the agents of the two others are bridged, each counted at
     * its entry node and at the owner. Polled (bounded): at the instant the last agent is linked a
     * node starved of CPU may still be placing a link that the owner has already welcomed.
     */
    private static void awaitOneOwnerAndEveryOtherAgentBridged(NodeCluster cluster, Duration timeout) throws Exception {
        long expectedBridged = 2L * AGENTS * (NODES - 1) / NODES;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long owners = 0;
            long bridged = 0;
            for (NodeProcess n : cluster.nodes()) {
                owners += n.gauge("buttplug_cluster_rooms_owned");
                bridged += n.gauge("buttplug_cluster_bridged_links");
            }
            if (owners == 1 && bridged == expectedBridged || System.nanoTime() > deadline) {
                assertThat(owners).as("nodes owning the room").isEqualTo(1);
                assertThat(bridged).as("bridged links").isEqualTo(expectedBridged);
                return;
            }
            Thread.sleep(100); // bounded by the deadline
        }
    }

    /** Agent {@code i} dials node {@code i % 3 + 1}, in batches, as people arrive, not all in one instant. */
    private static void link(NodeCluster cluster, List<RemoteClient> agents, List<SimulatedDevice> toys) throws Exception {
        List<CompletableFuture<Void>> linked = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            if (i % BATCH == 0) {
                CompletableFuture.allOf(linked.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            }
            SimulatedDevices mine = ClusterTesting.toys("lovense");
            RemoteClient agent = RemoteClient.builder(cluster.node(i % NODES + 1).shareUri(), SHARE, "agent" + i, mine)
                    // 300 agents in one JVM and three nodes on a shared 2-core machine: ping time is not what this checks
                    .maxPingTime(Duration.ofSeconds(10))
                    .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
            agents.add(agent);
            toys.add(mine.devices().get(0));
            agent.grants().shareAll(ClusterTesting.FULL).get(5, TimeUnit.SECONDS);
            linked.add(agent.start());
        }
        CompletableFuture.allOf(linked.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }

    private static void listAndDriveEverything(NodeProcess node, List<SimulatedDevice> toys, double level) throws Exception {
        int steps = (int) Math.ceil(STEPS * level);
        try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(node.controlUri(CONTROL)))) {
            List<ButtplugClientDevice> devices = awaitDevices(c, Duration.ofSeconds(30));
            Map<Integer, ButtplugClientDevice> byAgent = new HashMap<>();
            for (ButtplugClientDevice d : devices) {
                assertThat(d.name()).as("through " + node.name).startsWith("agent").endsWith(HUSH);
                int agent = Integer.parseInt(d.name().substring("agent".length(), d.name().length() - HUSH.length()));
                assertThat(byAgent.put(agent, d)).as("agent" + agent + " listed once through " + node.name).isNull();
            }
            assertThat(byAgent.keySet()).as("every agent's toy through " + node.name).hasSize(AGENTS);

            for (int from = 0; from < AGENTS; from += BATCH) { // bounded in flight: the hub's session queues are
                List<CompletableFuture<Void>> sent = new ArrayList<>();
                for (int i = from; i < Math.min(AGENTS, from + BATCH); i++) {
                    sent.add(byAgent.get(i).vibrate(level));
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            }
            for (int i = 0; i < AGENTS; i++) {
                SimulatedDevice toy = toys.get(i);
                toy.awaitOutput(0, o -> o.value() == steps, Duration.ofSeconds(10));
                toy.clearRecording(); // what follows is the controller's leaving
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < AGENTS; i++) {
            SimulatedDevice toy = toys.get(i);
            toy.await(ClusterSpreadTest::stops, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).as("agent" + i + "'s toy after the controller on "
                    + node.name + " left").isZero();
        }
    }

    private static boolean stops(RecordedCommand c) {
        return c.kind() == RecordedCommand.Kind.STOP
                || c.kind() == RecordedCommand.Kind.OUTPUT && c.output().value() == 0;
    }

    private static List<ButtplugClientDevice> awaitDevices(ClusterTesting.Controller c, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (c.client().devices().size() < AGENTS && System.nanoTime() < deadline) {
            Thread.sleep(50); // bounded poll for the device list to fill
        }
        return c.client().devices();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
