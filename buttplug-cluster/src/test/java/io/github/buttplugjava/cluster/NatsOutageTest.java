package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * NATS goes away (the real server is killed) for longer than the lease TTL and comes back: the
 * owner keeps serving its direct links, bridged links close, and the cluster converges on one
 * owner without a restart.
 */
class NatsOutageTest {

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").hub(RemoteServer.builder()).start();
        n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").hub(RemoteServer.builder()).start();
        n1.createRoom("party", AccessToken.of(SHARE), AccessToken.of(CONTROL));
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

    private static URI control(ClusterNode node) {
        return URI.create("ws://127.0.0.1:" + node.hub().port() + "/control/" + CONTROL);
    }

    @Test
    void ownedRoomsKeepServingBridgedLinksCloseAndTheClusterConvergesWhenNatsReturns() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        SimulatedDevices bob = ClusterTesting.toys("lovense");
        try (RemoteClient a = ClusterTesting.agent("Alice", alice, n1.hub().shareUri());
             ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(control(n1)));
             RemoteClient b = ClusterTesting.agent("Bob", bob, n2.hub().shareUri())) {
            c.device("Bob - Lovense Hush", 5000);
            assertThat(n2.status().bridgedLinks()).isEqualTo(1);

            nats.kill();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (c.client().devices().size() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20); // bounded wait: Bob's bridged link closes
            }
            assertThat(c.client().devices()).hasSize(1);
            // for longer than a lease lives (its TTL runs in the real nats-server, so this is wall time),
            // the owner keeps the room and its direct links all along
            long holdUntil = System.nanoTime() + ClusterNode.DEFAULT_LEASE_TTL.plusMillis(500).toNanos();
            do {
                assertThat(n1.status().natsConnected()).isFalse();
                assertThat(n1.status().roomsOwned()).containsExactly("party");
                assertThat(c.droppedAtNanos()).isNotDone();
                Thread.sleep(100); // bounded by holdUntil
            } while (System.nanoTime() < holdUntil);
            c.device("Alice - Lovense Hush", 1000).vibrate(0.5).get(2, TimeUnit.SECONDS);
            alice.devices().get(0).awaitOutput(0, o -> o.value() > 0, Duration.ofSeconds(2));
            assertThat(c.droppedAtNanos()).isNotDone();

            nats.startAgain();
            c.device("Bob - Lovense Hush", 10_000); // Bob redialed n2, bridged to n1 again
            assertThat(n1.status().roomsOwned()).containsExactly("party");
            assertThat(n2.status().roomsOwned()).isEmpty();
            assertThat(n1.status().natsConnected()).isTrue();
        }
    }
}
