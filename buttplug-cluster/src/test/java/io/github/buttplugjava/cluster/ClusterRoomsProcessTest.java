package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterRoomsTest.ALICE;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.BOB;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.HUSH;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.SHARE;
import static io.github.buttplugjava.cluster.ClusterRoomsTest.control;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full room through two hub nodes that are processes of their own ({@link NodeMain}), managed
 * from this JVM through {@link ClusterRooms#connect} (no hub of its own): named controllers with
 * their ceilings, then a revocation and a deletion through the store reaching the owner process.
 */
class ClusterRoomsProcessTest {

    private NatsServer nats;
    private NodeProcess p1;
    private NodeProcess p2;
    private ClusterRooms rooms;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        p1 = NodeProcess.start(nats.url(), "p1");
        p2 = NodeProcess.start(nats.url(), "p2");
        rooms = ClusterRooms.connect(nats.url(), "buttplug");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{rooms, p1, p2, nats}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static int port(NodeProcess p) {
        return p.shareUri().getPort();
    }

    @Test
    void namedControllersWithCeilingsThroughTwoNodeProcessesThenRevocationAndDeletionThroughTheStore() throws Exception {
        rooms.create(ClusterRoomsTest.party(RoomPolicy.shared()));
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        try (RemoteClient agent = ClusterRoomsTest.agent(p1.shareUri(), SHARE, "Dana", toys);
             ClusterTesting.Controller alice = ClusterTesting.controller(WebSocketConnector.to(control(port(p1), ALICE)));
             ClusterTesting.Controller bob = ClusterTesting.controller(WebSocketConnector.to(control(port(p2), BOB)))) {
            SimulatedDevice toy = toys.devices().get(0);
            alice.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 10, Duration.ofSeconds(2));
            bob.device("Dana - " + HUSH, 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 3, Duration.ofSeconds(2));
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).as("bob's 100%: 30% of the 0..10 granted").isEqualTo(3);

            toy.clearRecording();
            assertThat(rooms.revokeController("party", "bob")).isTrue();
            bob.droppedAtNanos().get(2, TimeUnit.SECONDS);
            toy.awaitStop(Duration.ofSeconds(1));
            assertThat(alice.client().isConnected()).isTrue();

            alice.device("Dana - " + HUSH, 5000).vibrate(0.5).get(5, TimeUnit.SECONDS);
            toy.awaitOutput(0, o -> o.value() == 5, Duration.ofSeconds(2));
            toy.clearRecording();
            assertThat(rooms.delete("party")).isTrue();
            toy.awaitStop(Duration.ofSeconds(2));
            alice.droppedAtNanos().get(2, TimeUnit.SECONDS);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }
}
