package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.testsupport.SilentCutConnector;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent linked straight to the room's owner (n1) is cut off on its side only and dials the
 * next node (n2): the entry node passes on a key derived from the agent's resume key, so the
 * owner closes the stale link and takes the bridged one at once; and the other way round, a stale
 * bridged link replaced by a direct one. The owner's hub runs on virtual time that never moves, so
 * it cannot notice the stale link by itself: only the replacement can close it. Two nodes in this
 * JVM on a real nats-server.
 */
class ClusterRedialTest {

    private static final long WAIT_S = 30;

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").hub(RemoteServer.builder()
                .controllerMaxPingTime(Duration.ofMinutes(1)).scheduling(new VirtualTime().scheduling())).start();
        n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").hub(RemoteServer.builder()).start();
        n1.createRoom("party", AccessToken.of(SHARE), AccessToken.of(CONTROL));
        // each node learns of the room from its watch of the bucket: links before that meet "unknown token"
        ClusterTesting.awaitKnown(n1, "party");
        ClusterTesting.awaitKnown(n2, "party");
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
    void anAgentCutOffFromTheOwnerDialsAnotherNodeAndTheBridgedLinkReplacesTheStaleOne() throws Exception {
        redialReplacesTheStaleLink(n1, n2);
    }

    @Test
    void anAgentCutOffFromItsBridgedLinkDialsTheOwnerAndTheDirectLinkReplacesTheStaleOne() throws Exception {
        redialReplacesTheStaleLink(n2, n1);
    }

    /**
     * The controller on n1 (so n1 owns the room); the agent dials {@code first}, is cut off on its
     * side only, and dials {@code second}, which lets it in at once in place of the stale link.
     */
    private void redialReplacesTheStaleLink(ClusterNode first, ClusterNode second) throws Exception {
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        ButtplugClient controller = ButtplugClient.builder("cluster test controller").build();
        controller.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                seen.add("added " + device.name());
            }

            @Override
            public void deviceRemoved(ButtplugClientDevice device) {
                seen.add("removed " + device.name());
            }
        });
        // the controller on n1 first: n1 takes the room's lease and runs it
        controller.connect(WebSocketConnector.to(URI.create("ws://127.0.0.1:" + n1.hub().port() + "/control/" + CONTROL)))
                .get(WAIT_S, TimeUnit.SECONDS);
        assertThat(n1.status().roomsOwned()).containsExactly("party");

        VirtualTime agentTime = new VirtualTime(); // the agent's backoff: the test says when it dials again
        List<SilentCutConnector> links = new CopyOnWriteArrayList<>();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        SimulatedDevices toys = ClusterTesting.toys("lovense");
        RemoteClient agent = RemoteClient.builder(first.hub().shareUri(), SHARE, "Alice", toys).alsoHub(second.hub().shareUri())
                .scheduling(agentTime.scheduling()).maxPingTime(Duration.ofMinutes(1))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(200))
                .dialer(uri -> {
                    SilentCutConnector link = new SilentCutConnector(WebSocketConnector.to(uri));
                    links.add(link);
                    return link;
                })
                .listener(new RemoteClient.Listener() {
                    @Override
                    public void linked(String room) {
                        heard.add("linked");
                    }

                    @Override
                    public void unlinked(Throwable cause, Duration retryIn) {
                        heard.add("unlinked");
                    }

                    @Override
                    public void denied(String reason) {
                        heard.add("denied: " + reason);
                    }
                }).build();
        try (AutoCloseable stopController = controller::disconnect; agent) {
            agent.grants().shareAll(ClusterTesting.FULL).get(WAIT_S, TimeUnit.SECONDS);
            agent.start().get(WAIT_S, TimeUnit.SECONDS);
            assertThat(heard.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("linked");
            assertThat(seen.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("added Alice - Lovense Hush");
            assertThat(n2.status().bridgedLinks()).as("bridged when it came through n2").isEqualTo(first == n2 ? 1 : 0);

            SilentCutConnector stale = links.get(0);
            stale.cut();
            assertThat(heard.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("unlinked");
            assertThat(denial(second, new Hello(Hello.PROTOCOL, SHARE, "Alice")))
                    .as("no key, through the node it dials next").contains("is taken in this room");
            assertThat(stale.farEndClosed()).isNotDone();

            String next = null;
            for (int i = 0; i < 50 && next == null; i++) { // one round is enough unless the dial was not yet scheduled
                agentTime.advanceMillis(200);
                next = heard.poll(200, TimeUnit.MILLISECONDS);
            }
            if (next == null) {
                next = heard.poll(WAIT_S, TimeUnit.SECONDS);
            }
            assertThat(next).as("the redial through the other node is let in").isEqualTo("linked");
            assertThat(links).hasSize(2);
            // the owner closes the stale link; when it was bridged, its entry node closes the socket
            assertThat(stale.farEndClosed().get(WAIT_S, TimeUnit.SECONDS)).contains("replaced by this agent's new link");
            assertThat(seen.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("removed Alice - Lovense Hush");
            assertThat(seen.poll(WAIT_S, TimeUnit.SECONDS)).isEqualTo("added Alice - Lovense Hush");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
            while (n2.status().bridgedLinks() != (second == n2 ? 1 : 0) && System.nanoTime() < deadline) {
                Thread.sleep(20); // bounded wait: a stale bridged link's ends close on the close notice
            }
            assertThat(n2.status().bridgedLinks()).as("only the new link is bridged, if any").isEqualTo(second == n2 ? 1 : 0);
            for (ButtplugClientDevice d : controller.devices()) {
                d.vibrate(1.0).get(WAIT_S, TimeUnit.SECONDS);
            }
            assertThat(toys.devices().get(0).awaitOutput(0, o -> o.value() > 0, Duration.ofSeconds(WAIT_S)).value())
                    .as("the new link drives the toy").isPositive();
        } finally {
            links.forEach(SilentCutConnector::release);
        }
    }

    /** Says {@code hello} on a fresh share link to {@code node} and returns the denial. */
    private static String denial(ClusterNode node, Hello hello) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketConnector link = WebSocketConnector.to(node.hub().shareUri());
        link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                frames.add(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        }).get(WAIT_S, TimeUnit.SECONDS);
        try {
            link.send(hello.encode()).get(WAIT_S, TimeUnit.SECONDS);
            String answer = frames.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(answer).as("the answer to the hello").isNotNull();
            HelloReply reply = HelloReply.decode(answer);
            assertThat(reply).isInstanceOf(HelloReply.Denied.class);
            return ((HelloReply.Denied) reply).reason();
        } finally {
            link.close();
        }
    }
}
