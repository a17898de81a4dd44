package io.github.buttplugjava.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientProcess;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The npm {@code buttplug} 5.0.2 client as the controller of a room on three hub nodes, each a JVM
 * of its own ({@link NodeProcess}) on a real nats-server. It links through a node that does not own
 * the room, lists and drives the toys of agents linked to the owner and to the third node; when the
 * owner is killed (-9) the agents' toys stop, and once the agents have redialed, the npm controller
 * redials a surviving node and drives them again. Asserted at the simulated toys.
 */
class ClusterNpmControllerTest {

    private static final String ALICE = "Alice - Lovense Hush";
    private static final String BOB = "Bob - Lovense Hush";
    private static final Duration REDIAL_WINDOW = Duration.ofSeconds(20);

    @Test
    void theNpmControllerOnAnEntryNodeDrivesToysOnTwoNodesAndAgainAfterTheOwnerIsKilled() throws Exception {
        NodeInterop npm = NodeInterop.locate();
        List<RemoteClient> agents = new ArrayList<>();
        try (NodeCluster cluster = NodeCluster.start(3, false, "party", SHARE, CONTROL)) {
            NodeProcess n1 = cluster.node(1);
            NodeProcess n2 = cluster.node(2);
            NodeProcess n3 = cluster.node(3);
            try {
                SimulatedDevices alice = ClusterTesting.toys("lovense");
                agents.add(ClusterTesting.agent("Alice", alice, n1.shareUri(), n2.shareUri(), n3.shareUri())); // n1 owns the room
                SimulatedDevices bob = ClusterTesting.toys("lovense");
                agents.add(ClusterTesting.agent("Bob", bob, n2.shareUri(), n3.shareUri())); // bridged through n2
                assertThat(n1.gauge("buttplug_cluster_rooms_owned")).as("n1 owns the room").isEqualTo(1);
                SimulatedDevice alicesToy = alice.devices().get(0);
                SimulatedDevice bobsToy = bob.devices().get(0);

                long killed;
                // bridged through n3; it holds the toys at full power until the owner dies
                try (NpmClientProcess first = npm.start(NpmClient.V4, n3.controlUri(CONTROL), "basic", Duration.ofSeconds(60),
                        "--devices=2", "--level=1", "--hold-ms=50000")) {
                    JsonNode listed = first.awaitStep("devices", Duration.ofSeconds(20));
                    assertThat(listed.path("devices").findValuesAsText("name")).containsExactlyInAnyOrder(ALICE, BOB);
                    assertThat(alicesToy.awaitOutput(0, o -> o.value() == 20, Duration.ofSeconds(10)).value()).isEqualTo(20);
                    assertThat(bobsToy.awaitOutput(0, o -> o.value() == 20, Duration.ofSeconds(10)).value()).isEqualTo(20);
                    alicesToy.clearRecording();
                    bobsToy.clearRecording();

                    killed = System.nanoTime();
                    n1.kill();
                    // Alice's link to n1 is cut; n2 closes Bob's link bridged to the dead owner: both agents stop their toys
                    awaitStopped(alicesToy, killed, Duration.ofSeconds(2));
                    awaitStopped(bobsToy, killed, Duration.ofSeconds(2));
                    System.out.println("owner kill -> toys stopped: " + (System.nanoTime() - killed) / 1_000_000 + " ms");
                    // and n3 closes the npm controller's link bridged to the dead owner
                    first.awaitStep("disconnected", Duration.ofSeconds(5));
                }

                awaitLinked(agents, Duration.ofSeconds(15)); // to a survivor, once the dead owner's lease ran out
                System.out.println("owner kill -> agents linked again: " + (System.nanoTime() - killed) / 1_000_000 + " ms");
                NpmClientRun again = redialUntilDriven(npm, n3);
                assertThat(again.devices()).extracting(d -> d.path("name").asText()).containsExactlyInAnyOrder(ALICE, BOB);
                drivenThenStopped(alicesToy, 10);
                drivenThenStopped(bobsToy, 10);
                assertThat(n2.gauge("buttplug_cluster_rooms_owned") + n3.gauge("buttplug_cluster_rooms_owned"))
                        .as("a survivor owns the room").isEqualTo(1);
            } finally {
                agents.forEach(RemoteClient::close);
            }
        }
    }

    /**
     * The npm client dials {@code survivor} again, as a person would press "connect" again, until
     * a run lists and drives both toys: while the dead owner's lease runs out (≤ 3 s) and the
     * agents redial, a link is refused or waits for the second toy. Bounded by {@link #REDIAL_WINDOW}.
     */
    private static NpmClientRun redialUntilDriven(NodeInterop npm, NodeProcess survivor) {
        long deadline = System.nanoTime() + REDIAL_WINDOW.toNanos();
        List<String> attempts = new ArrayList<>();
        while (true) {
            NpmClientRun run = npm.run(NpmClient.V4, survivor.controlUri(CONTROL), "basic", Duration.ofSeconds(10),
                    "--devices=2", "--level=0.5");
            if (run.succeeded()) {
                System.out.println("npm controller drove both toys again after " + (attempts.size() + 1) + " dial(s)");
                return run;
            }
            attempts.add(run.describe());
            System.out.println("npm controller dial " + attempts.size() + " failed: " + run.describe());
            assertThat(System.nanoTime()).as("the npm controller drives the toys again within %s; attempts: %s",
                    REDIAL_WINDOW, attempts).isLessThan(deadline);
        }
    }

    /** The toy was driven to {@code steps}, then stopped (the npm client stops what it drove and leaves). */
    private static void drivenThenStopped(SimulatedDevice toy, int steps) {
        RecordedCommand driven = toy.await(c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.output().value() == steps,
                Duration.ofSeconds(5));
        toy.await(c -> !c.at().isBefore(driven.at()) && (c.kind() == RecordedCommand.Kind.STOP
                || c.kind() == RecordedCommand.Kind.OUTPUT && c.output().value() == 0), Duration.ofSeconds(5));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    private static void awaitLinked(List<RemoteClient> agents, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!agents.stream().allMatch(RemoteClient::isLinked)) {
            assertThat(System.nanoTime()).as("agents linked again within %s", timeout).isLessThan(deadline);
            Thread.sleep(50); // bounded poll: a redial takes a lease expiry (<= 3 s) and a backoff
        }
    }

    private static void awaitStopped(SimulatedDevice toy, long since, Duration within) {
        long left = since + within.toNanos() - System.nanoTime();
        toy.awaitStop(Duration.ofNanos(Math.max(1, left)));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }
}
