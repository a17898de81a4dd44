package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.testsupport.CrashableWebSocketConnector;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failure rows of issue 16 with real processes: a real nats-server and three hub nodes, each
 * a JVM of its own ({@link NodeCluster}, {@link NodeMain}), killed with SIGKILL where the row says so. Agents and
 * controllers run in this JVM over real WebSockets on 127.0.0.1; the rows are asserted on their
 * simulated toys.
 */
class ClusterFailureTest {

    private static final String HUSH = "Lovense Hush";

    private NodeCluster cluster;
    private NodeProcess n1;
    private NodeProcess n2;
    private NodeProcess n3;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = NodeCluster.start(3, false, "party", SHARE, CONTROL); // n1 creates the room
        n1 = cluster.node(1);
        n2 = cluster.node(2);
        n3 = cluster.node(3);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the test is over
            }
        }
        if (cluster != null) {
            cluster.close(); // every node process (killed and waited for) and nats-server
        }
    }

    private RemoteClient agent(String alias, SimulatedDevices toys, NodeProcess... hubs) throws Exception {
        URI[] uris = new URI[hubs.length];
        for (int i = 0; i < hubs.length; i++) {
            uris[i] = hubs[i].shareUri();
        }
        RemoteClient agent = ClusterTesting.agent(alias, toys, uris);
        closeables.add(agent);
        return agent;
    }

    private ClusterTesting.Controller controller(NodeProcess node) throws Exception {
        ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(node.controlUri(CONTROL)));
        closeables.add(c);
        return c;
    }

    /** Drives the toy through {@code c} and sees it run; its recording is then cleared, so what follows is fresh. */
    private static SimulatedDevice driven(ClusterTesting.Controller c, String name, SimulatedDevices toys) throws Exception {
        SimulatedDevice toy = toys.devices().get(0);
        toy.clearRecording();
        c.device(name, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
        toy.awaitOutput(0, o -> o.value() > 0, Duration.ofSeconds(2));
        toy.clearRecording();
        return toy;
    }

    @Test
    void aControllerCrashOnNodeAStopsTheToysOfAnAgentOnNodeBWithinOneSecond() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        agent("Alice", alice, n2);
        CrashableWebSocketConnector socket = new CrashableWebSocketConnector(n1.controlUri(CONTROL));
        ClusterTesting.Controller c = ClusterTesting.controller(socket);
        SimulatedDevice toy = driven(c, "Alice - " + HUSH, alice);
        socket.crash();
        toy.awaitStop(Duration.ofSeconds(1));
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void theOwnersDeathClosesBridgedLinksWithinTwoSecondsAndAnotherNodeTakesTheRoomWithinFive() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        agent("Alice", alice, n1, n2, n3); // first link: n1 owns the room
        SimulatedDevices bob = ClusterTesting.toys("lovense");
        agent("Bob", bob, n2, n3); // bridged through n2
        ClusterTesting.Controller c = controller(n3); // bridged through n3
        SimulatedDevice bobsToy = driven(c, "Bob - " + HUSH, bob);
        c.device("Alice - " + HUSH, 5000);

        long killed = System.nanoTime();
        n1.kill();
        long dropped = c.droppedAtNanos().get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(dropped - killed)).as("bridged controller closed by its entry node")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        bobsToy.awaitStop(Duration.ofSeconds(2)); // the entry node closed Bob's bridged link: his agent stopped it
        assertThat(bobsToy.outputValue(0, OutputType.VIBRATE)).isZero();

        // controllers that redial (through any surviving node) find the room working again
        ClusterTesting.Controller again = null;
        NodeProcess[] survivors = {n2, n3};
        for (int attempt = 0; again == null && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10); attempt++) {
            try {
                ClusterTesting.Controller trial = ClusterTesting.controller(
                        WebSocketConnector.to(survivors[attempt % 2].controlUri(CONTROL)));
                closeables.add(trial);
                try {
                    trial.device("Bob - " + HUSH, 1500);
                    trial.device("Alice - " + HUSH, 1500);
                    again = trial;
                } finally {
                    if (again != trial) {
                        trial.close(); // free the room's one controller place for the next try
                    }
                }
            } catch (Exception | AssertionError notYet) {
                Thread.sleep(100); // bounded by the 10 s loop
            }
        }
        assertThat(again).as("the room works again through a surviving node").isNotNull();
        long working = System.nanoTime();
        assertThat(Duration.ofNanos(working - killed)).as("owner kill to room working again").isLessThanOrEqualTo(Duration.ofSeconds(5));
        System.out.println("owner kill -> bridged controller closed: " + (dropped - killed) / 1_000_000
                + " ms; -> room working again: " + (working - killed) / 1_000_000 + " ms");
        assertThat(again.client().devices()).hasSize(2);
        driven(again, "Alice - " + HUSH, alice);
    }

    @Test
    void anEntryNodesDeathDropsOnlyItsLinks() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        agent("Alice", alice, n1); // owner n1
        SimulatedDevices bob = ClusterTesting.toys("lovense");
        agent("Bob", bob, n3); // bridged through n3
        ClusterTesting.Controller c = controller(n2); // bridged through n2
        SimulatedDevice bobsToy = driven(c, "Bob - " + HUSH, bob);
        c.device("Alice - " + HUSH, 5000);

        n3.kill();
        bobsToy.awaitStop(Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (c.client().devices().size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded wait for Bob's device to leave the room
        }
        List<String> names = c.client().devices().stream().map(ButtplugClientDevice::name).toList();
        assertThat(names).containsExactly("Alice - " + HUSH);
        assertThat(c.droppedAtNanos()).isNotDone();
        driven(c, "Alice - " + HUSH, alice);
    }
}
