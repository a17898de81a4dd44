package io.github.buttplugjava.cluster;

import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made through a node is in that node's own copy of the rooms bucket when the call
 * returns: a room just created opens to its tokens on that node at once, a controller just
 * revoked in a room the node runs is gone from the running room, a deleted room is gone. The
 * nodes learn of changes through a watch, and before the fix a create that returned ahead of
 * its own node's watch refused the room's first link with "unknown control token" (seen in CI,
 * and in ClusterRoomsTest at load 9).
 */
class ClusterRoomsReadYourWritesTest {

    /** Rows per case: the race was lost a few times in a hundred on a loaded machine. */
    private static final int ROUNDS = 40;

    private NatsServer nats;
    private ClusterNode n1;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder()).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{n1, nats}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static RoomSetup room(int i) {
        return RoomSetup.named("r" + i).withShareToken(AccessToken.generate())
                .withController("alice", AccessToken.generate(), ControllerCeiling.NONE)
                .withController("bob", AccessToken.generate(), ControllerCeiling.NONE);
    }

    @Test
    void aCreatedRoomIsKnownToTheNodeThatCreatedItWhenCreateReturns() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            n1.rooms().create(room(i));
            assertThat(n1.rooms().names()).as("room r%d in n1's own index when create returned", i).contains("r" + i);
        }
        assertThat(n1.status().roomsKnown()).isEqualTo(ROUNDS);
    }

    @Test
    void theFirstLinkRightAfterCreateIsLetIn() throws Exception {
        RoomSetup made = n1.rooms().create(room(0));
        URI alice = URI.create("ws://127.0.0.1:" + n1.hub().port() + "/control/" + made.controllers().get(0).token().reveal());
        try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(alice))) {
            assertThat(c.client().isConnected()).isTrue();
            assertThat(n1.status().roomsOwned()).containsExactly("r0");
        }
    }

    @Test
    void aControllerRevokedThroughTheOwnerIsGoneFromTheRunningRoomWhenRevokeReturns() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            RoomSetup made = n1.rooms().create(room(i));
            URI alice = URI.create("ws://127.0.0.1:" + n1.hub().port() + "/control/" + made.controllers().get(0).token().reveal());
            try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(alice))) {
                assertThat(n1.hub().room("r" + i).orElseThrow().controller("bob")).isPresent();
                assertThat(n1.rooms().revokeController("r" + i, "bob")).isTrue();
                assertThat(n1.hub().room("r" + i).orElseThrow().controller("bob"))
                        .as("bob revoked in the running room r%d when revokeController returned", i).isEmpty();
            }
            assertThat(n1.deleteRoom("r" + i)).isTrue();
            assertThat(n1.rooms().names()).as("r%d gone from n1's index when delete returned", i).doesNotContain("r" + i);
        }
    }
}
