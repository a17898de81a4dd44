package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.interop.LegacyNodePeer;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * buttplug-js 0.13 peers through a cluster node that does not own their room (issue 16): a real
 * 0.13.2 forwarder (node, the package's own test vibrator) and the 0.13 sample app's
 * password-first controller dial n2; n1 owns the room; the room's legacy grant, stored in the
 * cluster record, caps what the 0.13 toy receives, and a changed grant holds the next forwarder.
 * Real nats-server, two nodes in this JVM.
 */
class ClusterLegacyTest {

    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SHARE = "legacy-share-token-0123456789ab";
    private static final String ALICE = "legacy-alice-token-0123456789ab";
    private static final String BOB = "legacy-bob-token-01234567890abc";
    private static final String VIBRATOR = "Fwd - Test Device - Test Vibration Device";
    /** The room's stored legacy grant: vibrate up to 40%. */
    private static final DeviceGrant FORTY = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.4));

    private NodeInterop node;
    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;
    private final List<LegacyNodePeer> peers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        node = NodeInterop.locateLegacy();
        nats = NatsServer.start();
        // not about failure detection: a generous node timeout keeps a starved machine's late
        // heartbeats from closing the bridged links under test
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder().passwordFirstControllers(true)).start();
        n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder().passwordFirstControllers(true)).start();
        n1.rooms().create(RoomSetup.named("party").withShareToken(AccessToken.of(SHARE))
                .withController("alice", AccessToken.of(ALICE), ControllerCeiling.NONE)
                .withController("bob", AccessToken.of(BOB), ControllerCeiling.NONE)
                .withLegacyGrant(FORTY));
        ClusterTesting.awaitKnown(n2, "party"); // forwarders through n2 follow
    }

    @AfterEach
    void stop() throws Exception {
        peers.forEach(LegacyNodePeer::close);
        for (AutoCloseable c : new AutoCloseable[]{n1, n2, nats}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private LegacyNodePeer peer(String role, String... args) {
        LegacyNodePeer p = LegacyNodePeer.start(node, role, LIMIT, args);
        peers.add(p);
        return p;
    }

    private String root(ClusterNode n) {
        return "ws://127.0.0.1:" + n.hub().port() + "/";
    }

    /** Alice's controller on n1: the first link, so n1 owns the room. */
    private ClusterTesting.Controller aliceOnTheOwner() throws Exception {
        assertThat(n1.hub().room("party")).isEmpty();
        ClusterTesting.Controller alice = ClusterTesting.controller(
                WebSocketConnector.to(ClusterRoomsTest.control(n1.hub().port(), ALICE)));
        assertThat(n1.status().roomsOwned()).containsExactly("party");
        awaitOwnerGrant(0.4); // the stored legacy grant, not the hub's default 50%
        return alice;
    }

    private static List<Double> vibrations(LegacyNodePeer forwarder) {
        return forwarder.steps("vibrate").stream().map(s -> s.path("speed").asDouble()).toList();
    }

    @Test
    void aForwarderOnANodeThatDoesNotOwnTheRoomIsHeldToTheStoredLegacyGrantAndLeavesWhenItCloses() throws Exception {
        try (ClusterTesting.Controller alice = aliceOnTheOwner()) {
            LegacyNodePeer forwarder = peer("forwarder", root(n2) + "forwarder", "--name=Fwd", "--password=" + SHARE,
                    "--devices=vibrator");
            forwarder.awaitStep("shared", WAIT);
            ButtplugClientDevice vibrator = alice.device(VIBRATOR, WAIT.toMillis());
            assertThat(n2.status().bridgedLinks()).as("the forwarder is bridged from n2 to n1").isEqualTo(1);

            vibrator.vibrate(1.0).get(5, TimeUnit.SECONDS);
            forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
            assertThat(vibrations(forwarder)).as("100% reaches the 0.13 toy as the stored 40%")
                    .allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.4)).contains(0.4);
            vibrator.stop().get(5, TimeUnit.SECONDS);
            forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() == 0, WAIT);

            forwarder.send("close"); // its socket at n2 closes: the owner drops its devices
            forwarder.awaitStep("closed", WAIT);
            awaitNoDevice(alice);
        }
    }

    @Test
    void aChangedLegacyGrantHoldsTheNextForwarderAndTheTokenInThePathNeedsNoPassword() throws Exception {
        try (ClusterTesting.Controller alice = aliceOnTheOwner()) {
            n2.rooms().legacyGrant("party", DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.2)));
            awaitOwnerGrant(0.2);
            LegacyNodePeer forwarder = peer("forwarder", root(n2) + "forwarder/" + SHARE, "--name=Fwd", "--devices=vibrator");
            forwarder.awaitStep("shared", WAIT);
            ButtplugClientDevice vibrator = alice.device(VIBRATOR, WAIT.toMillis());
            vibrator.vibrate(1.0).get(5, TimeUnit.SECONDS);
            forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
            assertThat(vibrations(forwarder)).as("the changed grant: 20%")
                    .allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.2)).contains(0.2);
        }
    }

    /** Waits (bounded) until the owner's running room has the stored change: it travels through NATS. */
    private void awaitOwnerGrant(double level) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!n1.hub().room("party").orElseThrow().legacyGrant().output(OutputType.VIBRATE)
                .map(g -> g.maxLevel() == level).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the owner did not apply the stored legacy grant");
            }
            Thread.sleep(20); // bounded poll
        }
    }

    @Test
    void aPasswordFirstControllerOnANodeThatDoesNotOwnTheRoomDrivesTheForwardedToy() throws Exception {
        try (ClusterTesting.Controller alice = aliceOnTheOwner()) {
            LegacyNodePeer forwarder = peer("forwarder", root(n1) + "forwarder", "--name=Fwd", "--password=" + SHARE,
                    "--devices=vibrator");
            forwarder.awaitStep("shared", WAIT);
            alice.device(VIBRATOR, WAIT.toMillis());

            LegacyNodePeer wrong = peer("controller", root(n2), "--password=not-a-token-of-this-cluster");
            wrong.awaitStep("error", WAIT);
            LegacyNodePeer wrongForwarder = peer("forwarder", root(n2) + "forwarder", "--password=" + BOB);
            wrongForwarder.awaitStep("error", WAIT); // a control token does not share

            LegacyNodePeer bob = peer("controller", root(n2), "--password=" + BOB, "--devices=1", "--level=1");
            bob.awaitStep("devices", WAIT);
            bob.awaitStep("done", WAIT);
            assertThat(vibrations(forwarder)).contains(0.4).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.4));
            forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() == 0, WAIT);
        }
    }

    private static void awaitNoDevice(ClusterTesting.Controller c) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!c.client().devices().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the forwarder's device did not leave: " + c.client().devices());
            }
            Thread.sleep(20); // bounded poll for the device list
        }
    }
}
