package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/** 300 agents spread over three nodes share into one room: the controller lists every device exactly once. */
class ClusterSpreadTest {

    private static final int AGENTS = 300;
    private static final int BATCH = 50;

    @Test
    void threeHundredAgentsOnThreeNodesAreEachListedOnce() throws Exception {
        List<RemoteClient> agents = new ArrayList<>();
        try (NatsServer nats = NatsServer.start();
             ClusterNode n1 = node(nats, "n1");
             ClusterNode n2 = node(nats, "n2");
             ClusterNode n3 = node(nats, "n3")) {
            n1.createRoom("crowd", AccessToken.of(SHARE), AccessToken.of(CONTROL));
            ClusterNode[] nodes = {n1, n2, n3};
            try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(
                    URI.create("ws://127.0.0.1:" + n3.hub().port() + "/control/" + CONTROL)))) {
                List<CompletableFuture<Void>> linked = new ArrayList<>();
                for (int i = 0; i < AGENTS; i++) {
                    if (i % BATCH == 0) { // dial in batches, as people arrive, not all in one instant
                        CompletableFuture.allOf(linked.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                    }
                    SimulatedDevices toys = ClusterTesting.toys("lovense");
                    RemoteClient agent = RemoteClient.builder(nodes[i % 3].hub().shareUri(), SHARE, "agent" + i, toys)
                            // a shared 2-core machine runs 300 agents and 3 hubs here: ping time is not what this row checks
                            .maxPingTime(Duration.ofSeconds(10))
                            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1)).build();
                    agents.add(agent);
                    agent.grants().shareAll(ClusterTesting.FULL).get(5, TimeUnit.SECONDS);
                    linked.add(agent.start());
                }
                CompletableFuture.allOf(linked.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (c.client().devices().size() < AGENTS && System.nanoTime() < deadline) {
                    Thread.sleep(50); // bounded wait for the device list to settle
                }
                List<String> names = c.client().devices().stream().map(ButtplugClientDevice::name).toList();
                Set<String> distinct = new HashSet<>(names);
                assertThat(names).hasSize(AGENTS);
                assertThat(distinct).hasSize(AGENTS);
                for (int i = 0; i < AGENTS; i++) {
                    assertThat(distinct).contains("agent" + i + " - Lovense Hush");
                }
                int owners = 0;
                int bridged = 0;
                for (ClusterNode n : nodes) {
                    owners += n.status().roomsOwned().size();
                    bridged += n.status().bridgedLinks();
                }
                assertThat(owners).as("one owner").isEqualTo(1);
                // every agent and the controller not on the owner is bridged: counted at its entry and at the owner
                assertThat(bridged).isEqualTo(2 * (AGENTS * 2 / 3 + (n3.status().roomsOwned().isEmpty() ? 1 : 0)));
            } finally {
                agents.forEach(RemoteClient::close);
            }
        }
    }

    private static ClusterNode node(NatsServer nats, String name) throws Exception {
        // every agent dials from 127.0.0.1 at once: the per-address cap on not-yet-heard sockets is raised
        return ClusterNode.builder().nats(nats.url()).nodeName(name)
                .hub(RemoteServer.builder().maxPendingConnections(1024, 1024)
                        // and the one JVM holding all of them may stall for seconds on a loaded machine
                        .keepAlive(Duration.ofSeconds(2), Duration.ofSeconds(20)).helloTimeout(Duration.ofSeconds(10)))
                .start();
    }
}
