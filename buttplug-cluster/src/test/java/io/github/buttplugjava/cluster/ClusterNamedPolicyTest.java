package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.ArbitrationPolicy;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterRoomsTest.ALICE;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.BOB;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.HUSH;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.SHARE;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.agent;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.control;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.party;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An app's own arbitration rule in a cluster room (issue 16): stored by name, run by the owner
 * node that was given it, across a bridged link; a change of the stored policy reaching the
 * running room; and a node that was not given it refusing every command with the reason. Two
 * nodes in this JVM on a real nats-server: n1 has the rule "alice-only", n2 has not.
 */
class ClusterNamedPolicyTest {

    /** Only the controller named alice may drive. */
    static final class AliceOnly implements ArbitrationPolicy {
        @Override
        public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
            return controller.equals("alice") ? Claim.grant() : Claim.refuse("only alice drives in this room");
        }

        @Override
        public void release(String controller, String deviceId) {
        }

        @Override
        public String toString() {
            return "alice-only";
        }
    }

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .policy("alice-only", AliceOnly::new).hub(RemoteServer.builder()).start();
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

    @Test
    void theOwnerRunsTheNamedRuleForABridgedControllerAndAStoredChangeReplacesIt() throws Exception {
        n1.rooms().create(party(RoomPolicy.named("alice-only")));
        ClusterTesting.awaitKnown(n2, "party");
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n1.hub().port(), ALICE)));
             RemoteClient agent = agent(n2.hub().shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), BOB)))) {
            assertThat(n1.status().roomsOwned()).containsExactly("party");
            assertThat(n1.hub().room("party").orElseThrow().arbitration()).hasToString("alice-only");
            SimulatedDevice toy = toys.devices().get(0);

            ButtplugClientDevice bobs = bob.device("Dana - " + HUSH, 5000);
            assertThatThrownBy(() -> bobs.vibrate(1.0).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("only alice drives in this room");
            alice.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 10, ClusterTesting.EVENT_WAIT);

            n1.rooms().update(party(RoomPolicy.shared())); // applied by the owner (n1) when this returns
            assertThat(n1.hub().room("party").orElseThrow().arbitration()).hasToString("shared");
            bobs.vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 3, ClusterTesting.EVENT_WAIT); // latest wins; bob's own ceiling: 30%
        }
    }

    @Test
    void aNodeThatWasNotGivenTheRuleRefusesEveryCommandAndSaysWhy() throws Exception {
        n1.rooms().create(party(RoomPolicy.named("alice-only")));
        ClusterTesting.awaitKnown(n2, "party");
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(n2.hub().port(), ALICE)));
             RemoteClient agent = agent(n1.hub().shareUri(), SHARE, "Dana", toys)) {
            assertThat(n2.status().roomsOwned()).as("the first link reached n2").containsExactly("party");
            ButtplugClientDevice toy = alice.device("Dana - " + HUSH, 5000);
            assertThatThrownBy(() -> toy.vibrate(1.0).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("the policy \"alice-only\" of this room is not installed on the hub node that runs it");
            assertThat(toys.devices().get(0).outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }

    @Test
    void aRuleIsGivenOnceUnderAUsableName() {
        ClusterNode.Builder b = ClusterNode.builder().policy("quiz", AliceOnly::new);
        assertThatThrownBy(() -> b.policy("quiz", AliceOnly::new)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already given");
        assertThatThrownBy(() -> b.policy("no spaces", AliceOnly::new)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("policy name");
    }
}
