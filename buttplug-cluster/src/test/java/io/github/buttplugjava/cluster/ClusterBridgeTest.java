package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.CrashableWebSocketConnector;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two nodes in this JVM on a real nats-server: rooms in the bucket, one owner, bridged links. */
class ClusterBridgeTest {

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").hub(RemoteServer.builder().metrics(true)).start();
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
    void aControllerOnAnotherNodeDrivesTheAgentsToyAndItsCrashStopsItWithinOneSecond() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        try (RemoteClient agent = ClusterTesting.agent("Alice", alice, n1.hub().shareUri())) {
            assertThat(n1.status().roomsOwned()).containsExactly("party");
            CrashableWebSocketConnector socket = new CrashableWebSocketConnector(control(n2));
            ClusterTesting.Controller c = ClusterTesting.controller(socket);
            assertThat(n2.status().bridgedLinks()).isEqualTo(1);
            assertThat(n1.status().bridgedLinks()).isEqualTo(1);
            c.device("Alice - Lovense Hush", 5000).vibrate(1.0).get(5, TimeUnit.SECONDS);
            SimulatedDevice toy = alice.devices().get(0);
            toy.awaitOutput(0, o -> o.value() > 0, Duration.ofSeconds(2));
            toy.clearRecording(); // the stop asserted below comes after the crash
            socket.crash();
            toy.awaitStop(Duration.ofSeconds(1));
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }

    @Test
    void healthzAndMetricsReportNatsStateOwnedRoomsAndBridgedLinks() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        try (RemoteClient agent = ClusterTesting.agent("Alice", alice, n2.hub().shareUri());
             ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(control(n1)))) {
            c.device("Alice - Lovense Hush", 5000);
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://127.0.0.1:" + n1.hub().port());
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).startsWith("ok\n").contains("node n1\n", "nats connected\n", "rooms owned 0 of 1\n",
                    "bridged links 1\n");
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("buttplug_cluster_nats_connected 1\n", "buttplug_cluster_rooms_owned 0\n",
                    "buttplug_cluster_bridged_links 1\n", "buttplug_cluster_rooms_known 1\n",
                    "buttplug_cluster_relayed_heartbeat_links 0\n",
                    "# TYPE buttplug_cluster_relayed_heartbeats_total counter\nbuttplug_cluster_relayed_heartbeats_total 0\n")
                    .doesNotContain(CONTROL, SHARE);
            nats.kill();
            // the connection's state flips first; its listener then closes the bridged links (on
            // jnats' own thread): the report is read once both have happened (it failed at load 10
            // with "nats unreachable" and "bridged links 1", read between the two)
            long deadline = System.nanoTime() + ClusterTesting.EVENT_WAIT.toNanos();
            while ((n1.status().natsConnected() || n1.status().bridgedLinks() != 0) && System.nanoTime() < deadline) {
                Thread.sleep(20); // bounded wait for the client to notice and close the bridged links
            }
            health = http.send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).startsWith("degraded\n").contains("nats unreachable\n", "bridged links 0\n");
        }
    }

    @Test
    void anAgentBridgedToTheOwnerHearsWhoControlsTheRoom() throws Exception {
        java.util.concurrent.BlockingQueue<io.github.buttplugjava.remote.agent.PresenceEvent> heard =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(control(n1)));
             RemoteClient agent = RemoteClient.builder(n2.hub().shareUri(), SHARE, "Bob", ClusterTesting.toys("lovense"))
                     .presenceListener(heard::add).build()) {
            agent.grants().shareAll(ClusterTesting.FULL).get(5, TimeUnit.SECONDS);
            agent.start().get(10, TimeUnit.SECONDS);
            assertThat(n2.status().bridgedLinks()).isEqualTo(1);
            io.github.buttplugjava.remote.agent.PresenceEvent first = heard.poll(5, TimeUnit.SECONDS);
            assertThat(first).as("the owner agreed to presence through the bridge").isNotNull()
                    .isNotInstanceOf(io.github.buttplugjava.remote.agent.PresenceEvent.Unavailable.class);
        }
    }

    @Test
    void anIdleAgentBridgedToTheOwnerIsBeatenByItsEntryNodeAndStaysLinked() throws Exception {
        java.util.concurrent.atomic.AtomicInteger drops = new java.util.concurrent.atomic.AtomicInteger();
        try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(control(n1)));
             RemoteClient agent = RemoteClient.builder(n2.hub().shareUri(), SHARE, "Bob", ClusterTesting.toys("lovense"))
                     .listener(new RemoteClient.Listener() {
                         @Override
                         public void unlinked(Throwable cause, Duration retryIn) {
                             drops.incrementAndGet();
                         }
                     }).build()) {
            agent.grants().shareAll(ClusterTesting.FULL).get(5, TimeUnit.SECONDS);
            agent.start().get(10, TimeUnit.SECONDS);
            c.device("Bob - Lovense Hush", 5000);
            assertThat(n1.status().roomsOwned()).containsExactly("party");
            // the owner's first beat crossed as a frame; the entry node (n2) beats the link from then on
            awaitStatus(() -> n2.status().relayedHeartbeatLinks() == 1);
            long before = n2.status().relayedHeartbeats();
            // six relayed beats, 500 ms apart: twice the agent's 1.5 s MaxPingTime with no per-link beat frame
            awaitStatus(() -> n2.status().relayedHeartbeats() >= before + 6);
            assertThat(drops).as("the agent's link never dropped").hasValue(0);
            assertThat(agent.isLinked()).isTrue();
            assertThat(n1.status().relayedHeartbeatLinks()).isZero(); // the owner relays nothing
        }
        awaitStatus(() -> n2.status().relayedHeartbeatLinks() == 0);
    }

    private static void awaitStatus(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + ClusterTesting.EVENT_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s for the node's status", ClusterTesting.EVENT_WAIT).isNegative();
            Thread.sleep(20);
        }
    }

    @Test
    void anAgentBridgedToTheOwnerIsListedOnceAndAnUnknownTokenIsRefusedAtTheEntryNode() throws Exception {
        try (ClusterTesting.Controller c = ClusterTesting.controller(WebSocketConnector.to(control(n1)))) {
            SimulatedDevices bob = ClusterTesting.toys("lovense");
            try (RemoteClient agent = ClusterTesting.agent("Bob", bob, n2.hub().shareUri())) {
                c.device("Bob - Lovense Hush", 5000);
                assertThat(c.client().devices()).hasSize(1);
                assertThat(n2.status().roomsOwned()).isEmpty();
                assertThat(n2.status().bridgedLinks()).isEqualTo(1);
            }
        }
        URI wrong = URI.create("ws://127.0.0.1:" + n2.hub().port() + "/control/not-a-token-of-this-cluster-000");
        assertThatThrownBy(() -> ClusterTesting.controller(WebSocketConnector.to(wrong))).isNotNull();
    }
}
