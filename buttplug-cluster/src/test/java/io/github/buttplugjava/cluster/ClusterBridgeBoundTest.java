package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.github.buttplugjava.cluster.ClusterRoomsTest.ALICE;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.BOB;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.SHARE;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.control;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.party;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ClusterNode.Builder.maxBridgedLinks} driven to its bound (1 here) at the entry node and
 * at the owner: the link past it is closed with the reason, the links within it keep working,
 * and a link that leaves makes room. n1 owns the room (its agent linked there first).
 */
class ClusterBridgeBoundTest {

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
    }

    private void nodes(int ownerBound, int entryBound) throws Exception {
        // a generous node timeout: these rows are about the bound, not failure detection
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .maxBridgedLinks(ownerBound).hub(RemoteServer.builder()).start();
        n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .maxBridgedLinks(entryBound).hub(RemoteServer.builder()).start();
        n1.rooms().create(party(RoomPolicy.shared()));
        ClusterTesting.awaitKnown(n2, "party"); // links through n2 follow
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{n1, n2, nats}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private void bound(String reason) throws Exception {
        try (RemoteClient agent = ClusterRoomsTest.agent(n1.hub().shareUri(), SHARE, "Dana", ClusterTesting.toys("lovense"))) {
            assertThat(n1.status().roomsOwned()).containsExactly("party");
            try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), ALICE)))) {
                alice.device("Dana - " + ClusterRoomsTest.HUSH, 5000);
                assertThat(n2.status().bridgedLinks()).isEqualTo(1);

                assertThatThrownBy(() -> ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB))))
                        .hasStackTraceContaining(reason);
                assertThat(n2.status().bridgedLinks()).isEqualTo(1);
                assertThat(n1.status().bridgedLinks()).isEqualTo(1);
                alice.device("Dana - " + ClusterRoomsTest.HUSH, 5000); // the link within the bound works on
            }
            // alice left: her place is free on both nodes
            try (ClusterTesting.Controller bob = ClusterRoomsTest.controllerWhenServed(control(n2.hub().port(), BOB))) {
                bob.device("Dana - " + ClusterRoomsTest.HUSH, 5000);
                assertThat(n2.status().bridgedLinks()).isEqualTo(1);
            }
        }
    }

    @Test
    void theEntryNodeClosesALinkPastItsBoundWithTheReason() throws Exception {
        nodes(ClusterNode.DEFAULT_MAX_BRIDGED_LINKS, 1);
        bound("this node bridges as many links as it may; try another");
    }

    @Test
    void theOwnerRefusesALinkPastItsBoundAndTheEntryNodeClosesItWithTheReason() throws Exception {
        nodes(1, ClusterNode.DEFAULT_MAX_BRIDGED_LINKS);
        bound("the owner bridges as many links as it may");
    }
}
