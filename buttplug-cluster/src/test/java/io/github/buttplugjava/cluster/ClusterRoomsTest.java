package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Full rooms in a cluster (issue 16): named controllers with their own ceilings, the exclusive
 * policy, invites, changes to a stored room reaching its running owner, and deletion, through
 * two nodes in this JVM on a real nats-server. n1 owns the room (the first link reaches it); n2
 * bridges to it.
 */
class ClusterRoomsTest {

    static final String SHARE = "rooms-share-token-0123456789ab";
    static final String ALICE = "rooms-alice-token-0123456789ab";
    static final String BOB = "rooms-bob-token-01234567890abc";
    static final String CAROL_INVITE = "rooms-carol-invite-0123456789a";
    static final String HUSH = "Lovense Hush";
    /** The sharers grant half of each toy: a Hush (0..20) is shared as 0..10. */
    static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;

    /** alice: no ceiling of her own; bob: vibrate at 30% at most. */
    static RoomSetup party(RoomPolicy policy) {
        return RoomSetup.named("party").withShareToken(AccessToken.of(SHARE)).withPolicy(policy)
                .withController("alice", AccessToken.of(ALICE), ControllerCeiling.NONE)
                .withController("bob", AccessToken.of(BOB), ControllerCeiling.NONE.withMaxLevel(0.3))
                .withInvite("Carol", AccessToken.of(CAROL_INVITE));
    }

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        // these rows are not about failure detection: a generous node timeout keeps a starved
        // machine's late heartbeats from closing the bridged links under test
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder()).start();
        n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder()).start();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{n1, n2, nats}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Stores the party room through n1 and waits until n2 knows it too (n1 does when create returns). */
    private void createParty(RoomPolicy policy) throws Exception {
        n1.rooms().create(party(policy));
        ClusterTesting.awaitKnown(n2, "party");
    }

    static URI control(int port, String token) {
        return URI.create("ws://127.0.0.1:" + port + "/control/" + token);
    }

    static RemoteClient agent(URI hub, String token, String alias, SimulatedDevices toys, RemoteClient.Listener listener)
            throws Exception {
        RemoteClient agent = RemoteClient.builder(hub, token, alias, toys).backoff(Duration.ofMillis(100), Duration.ofMillis(300))
                .listener(listener).build();
        agent.grants().shareAll(HALF).get(5, TimeUnit.SECONDS);
        agent.start().get(ClusterTesting.LINK_TIMEOUT_S, TimeUnit.SECONDS);
        return agent;
    }

    static RemoteClient agent(URI hub, String token, String alias, SimulatedDevices toys) throws Exception {
        return agent(hub, token, alias, toys, new RemoteClient.Listener() {
        });
    }

    /**
     * A controller that connects once the stored change has reached the entry node's index and
     * the owner (each through its own watch), or once the owner of a deleted room gave its lease
     * back (bounded retries; a refusal until then).
     */
    static ClusterTesting.Controller controllerWhenServed(URI uri) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return ClusterTesting.controller(WebSocketConnector.to(uri));
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // bounded: the change is on its way to the owner
            }
        }
    }

    @Test
    void twoNamedControllersThroughTwoNodesEachHeldToItsOwnCeiling() throws Exception {
        createParty(RoomPolicy.shared());
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE)));
             RemoteClient agent = agent(n1.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB)))) {
            assertThat(n1.status().roomsOwned()).containsExactly("party");
            assertThat(n2.status().bridgedLinks()).as("bob is bridged").isEqualTo(1);
            SimulatedDevice toy = toys.devices().get(0);

            bob.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() > 0, ClusterTesting.EVENT_WAIT);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).as("100% from bob: 30% of the 0..10 the sharer granted")
                    .isEqualTo(3);

            alice.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 10, ClusterTesting.EVENT_WAIT);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).as("100% from alice: all the sharer granted").isEqualTo(10);
        }
    }

    @Test
    void theNextOwnerBuildsTheSameRoomFromTheStore() throws Exception {
        createParty(RoomPolicy.exclusive(Duration.ofSeconds(30)));
        try (ClusterTesting.Controller first = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE)))) {
            assertThat(n1.status().roomsOwned()).containsExactly("party");
        }
        n1.close(); // leaves the cluster: its lease is given back
        n1 = null;
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (RemoteClient agent = agent(n2.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), ALICE)));
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB)))) {
            assertThat(n2.status().roomsOwned()).containsExactly("party");
            assertThat(n2.hub().room("party").orElseThrow().arbitration()).hasToString("exclusive(30000 ms)");
            bob.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toys.devices().get(0).awaitOutput(0, o -> o.value() == 3, ClusterTesting.EVENT_WAIT);
            ButtplugClientDevice alices = alice.device("Dana - " + HUSH, 5000);
            assertThatThrownBy(() -> alices.vibrate(1.0).get(5, TimeUnit.SECONDS)).hasMessageContaining("held by controller \"bob\"");
        }
    }

    @Test
    void theExclusivePolicyHoldsAcrossNodesAndNamesTheHolder() throws Exception {
        createParty(RoomPolicy.exclusive(Duration.ofSeconds(30)));
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE)));
             RemoteClient agent = agent(n2.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB)))) {
            alice.device("Dana - " + HUSH, 5000).vibrate(0.5).get(5, TimeUnit.SECONDS);
            ButtplugClientDevice bobs = bob.device("Dana - " + HUSH, 5000);
            assertThatThrownBy(() -> bobs.vibrate(1.0).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("held by controller \"alice\"");
            assertThat(toys.devices().get(0).outputValue(0, OutputType.VIBRATE)).isEqualTo(5);
        }
    }

    @Test
    void anInviteBindsItsAliasThroughANonOwnerNodeAndItsRevocationClosesTheAgentAtOnce() throws Exception {
        createParty(RoomPolicy.shared());
        SimulatedDevices carolToys = ClusterTesting.toys("lovense");
        CompletableFuture<String> denied = new CompletableFuture<>();
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE)))) {
            assertThatThrownBy(() -> agent(n2.hub().shareUri(), CAROL_INVITE, "Mallory", ClusterTesting.toys("lovense")))
                    .hasMessageContaining("this invite is for another alias");
            try (RemoteClient carol = agent(n2.hub().shareUri(), CAROL_INVITE, "Carol", carolToys, new RemoteClient.Listener() {
                @Override
                public void denied(String reason) {
                    denied.complete(reason);
                }
            })) {
                assertThat(n2.status().bridgedLinks()).isEqualTo(1);
                assertThat(n2.status().roomsOwned()).isEmpty();
                alice.device("Carol - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
                SimulatedDevice toy = carolToys.devices().get(0);
                toy.awaitOutput(0, o -> o.value() == 10, ClusterTesting.EVENT_WAIT);

                toy.clearRecording();
                assertThat(n2.rooms().revokeInvite("party", "Carol")).isTrue();
                toy.awaitStop(ClusterTesting.EVENT_WAIT);
                assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
                assertThat(denied.get(5, TimeUnit.SECONDS)).as("its token opens the room no more")
                        .contains("unknown share token");
            }
        }
    }

    @Test
    void aControllerRevokedInTheStoreIsClosedAtOnceAndANewOneCanLink() throws Exception {
        createParty(RoomPolicy.shared());
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE)));
             RemoteClient agent = agent(n1.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB)))) {
            SimulatedDevice toy = toys.devices().get(0);
            bob.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 3, ClusterTesting.EVENT_WAIT);

            toy.clearRecording();
            assertThat(n2.rooms().revokeController("party", "bob")).isTrue();
            bob.droppedAtNanos().get(ClusterTesting.EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
            toy.awaitStop(ClusterTesting.EVENT_WAIT);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
            assertThatThrownBy(() -> ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB))))
                    .as("bob's token opens nothing now").isNotNull();
            assertThat(alice.client().isConnected()).as("alice is untouched").isTrue();

            String erin = "rooms-erin-token-0123456789abcd";
            n1.rooms().update(party(RoomPolicy.shared()).withController("erin", AccessToken.of(erin),
                    ControllerCeiling.NONE.withMaxLevel(0.5)));
            try (ClusterTesting.Controller e = controllerWhenServed(control(n2.hub().port(), erin))) {
                e.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
                toy.awaitOutput(0, o -> o.value() == 5, ClusterTesting.EVENT_WAIT);
            }
        }
    }

    @Test
    void aChangedCeilingAppliesToTheControllersNextCommand() throws Exception {
        createParty(RoomPolicy.shared());
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (RemoteClient agent = agent(n1.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB)))) {
            SimulatedDevice toy = toys.devices().get(0);
            ButtplugClientDevice hush = bob.device("Dana - " + HUSH, 5000);
            hush.vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 3, ClusterTesting.EVENT_WAIT);

            RoomSetup lower = RoomSetup.named("party").withController("alice", null, ControllerCeiling.NONE)
                    .withController("bob", null, ControllerCeiling.NONE.withMaxLevel(0.1)).withInvite("Carol", null);
            RoomSetup made = n1.rooms().update(lower);
            assertThat(made.controllers()).allSatisfy(c -> assertThat(c.token()).as("stored tokens kept").isNull());
            assertThat(n1.rooms().matches(lower)).isTrue();
            long deadline = System.nanoTime() + ClusterTesting.EVENT_WAIT.toNanos();
            while (toy.outputValue(0, OutputType.VIBRATE) != 1 && System.nanoTime() < deadline) {
                hush.vibrate(1.0).get(5, TimeUnit.SECONDS); // bounded: until the owner has the new ceiling
                Thread.sleep(50);
            }
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).as("100% from bob now: 10% of the 0..10 granted").isEqualTo(1);
            assertThat(bob.client().isConnected()).as("bob stays linked").isTrue();
        }
    }

    @Test
    void aDeletedRoomClosesEveryLinkAndItsLeaseGoes() throws Exception {
        createParty(RoomPolicy.shared());
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), ALICE)));
             RemoteClient agent = agent(n1.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), BOB)))) {
            assertThat(n2.status().roomsOwned()).containsExactly("party");
            SimulatedDevice toy = toys.devices().get(0);
            alice.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 10, ClusterTesting.EVENT_WAIT);

            toy.clearRecording();
            assertThat(n1.deleteRoom("party")).isTrue();
            toy.awaitStop(ClusterTesting.EVENT_WAIT);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
            alice.droppedAtNanos().get(ClusterTesting.EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
            bob.droppedAtNanos().get(ClusterTesting.EVENT_WAIT.toSeconds(), TimeUnit.SECONDS);
            long deadline = System.nanoTime() + ClusterTesting.EVENT_WAIT.toNanos();
            while (!n2.status().roomsOwned().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20); // bounded wait for the owner's watch
            }
            assertThat(n2.status().roomsOwned()).isEmpty();
            assertThat(n1.rooms().exists("party")).isFalse();
            assertThat(n1.deleteRoom("party")).isFalse();
            assertThatThrownBy(() -> ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE))))
                    .isNotNull();
            n1.rooms().create(party(RoomPolicy.shared())); // the name is free again
            try (ClusterTesting.Controller again = controllerWhenServed(control(n1.hub().port(), ALICE))) {
                assertThat(n1.status().roomsOwned()).as("the old owner's lease went with the room").containsExactly("party");
            }
        }
    }

    @Test
    void aRefusedAliasIsRefusedByWhicheverNodeBuildsTheRoomUntilInvitedAgain() throws Exception {
        createParty(RoomPolicy.shared());
        n2.rooms().refuseSharer("party", "Dana"); // through n2: in n2's index when it returns
        // no node runs the room yet: n2 builds it from the record and refuses Dana's open share token
        try (RemoteClient dana = RemoteClient.builder(n2.hub().shareUri(), SHARE, "Dana", ClusterTesting.toys("lovense"))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(300)).build()) {
            dana.grants().shareAll(HALF).get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> dana.start().get(ClusterTesting.LINK_TIMEOUT_S, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("denied");
        }
        assertThat(n2.status().roomsOwned()).containsExactly("party");
        AccessToken invite = n1.rooms().invite("party", "Dana", null);
        long deadline = System.nanoTime() + ClusterTesting.EVENT_WAIT.toNanos();
        while (n2.hub().room("party").orElseThrow().invites().stream().noneMatch("Dana"::equals)) {
            assertThat(System.nanoTime()).as("the invite reaches the owner").isLessThan(deadline);
            Thread.sleep(20); // bounded poll: the change travels through NATS
        }
        try (RemoteClient dana = agent(n1.hub().shareUri(), invite.reveal(), "Dana", ClusterTesting.toys("lovense"))) {
            assertThat(n2.hub().room("party").orElseThrow().agents()).as("invited again, through n1").contains("Dana");
        }
    }
}
