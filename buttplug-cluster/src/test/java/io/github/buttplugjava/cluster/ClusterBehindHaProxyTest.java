package io.github.buttplugjava.cluster;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.SelfSignedKeystore;
import io.github.buttplugjava.testsupport.haproxy.HaProxy;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

import static io.github.buttplugjava.cluster.ClusterTesting.CONTROL;
import static io.github.buttplugjava.cluster.ClusterTesting.SHARE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/CLUSTER.md's "three nodes behind HAProxy, with TLS", followed with a real haproxy running
 * the committed {@code examples/cluster/haproxy.cfg} (its addresses, certificate path and
 * {@code maxconn} put to the test's own) in front of three nodes on a real nats-server: agents and
 * controllers reach the room through the TLS front end, plain HTTP is redirected, {@code /healthz}
 * answers through it, and when the node holding an agent's socket goes away the agent redials the
 * same address and the balancer takes it to another node.
 */
class ClusterBehindHaProxyTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "cluster", "haproxy.cfg");
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private NatsServer nats;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private HaProxy proxy;
    private SSLContext trust;
    private int tlsPort;
    private int httpPort;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        for (int i = 1; i <= 3; i++) {
            nodes.add(ClusterNode.builder().nats(nats.url()).nodeName("n" + i)
                    .hub(RemoteServer.builder().metrics(true)).start());
        }
        nodes.get(0).createRoom("party", AccessToken.of(SHARE), AccessToken.of(CONTROL));
        for (ClusterNode n : nodes) {
            ClusterTesting.awaitKnown(n, "party");
        }
        Path keystore = SelfSignedKeystore.create(dir.resolve("hub.p12"), "hub", "ip:127.0.0.1", PASSWORD);
        Path pem = SelfSignedKeystore.pem(keystore, PASSWORD, "hub", dir.resolve("hub.pem"));
        trust = SelfSignedKeystore.trusting(keystore, PASSWORD, "hub");
        tlsPort = freePort();
        httpPort = freePort();
        Path config = Files.writeString(dir.resolve("haproxy.cfg"), testConfig(Files.readString(EXAMPLE), pem));
        proxy = HaProxy.start(config, tlsPort);
    }

    @AfterEach
    void stop() throws Exception {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(proxy);
        all.addAll(nodes);
        all.add(nats);
        for (AutoCloseable c : all) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** The example with this test's addresses; each line it changes must be there exactly once. */
    private String testConfig(String example, Path pem) {
        String c = once(example, "bind :443 ssl crt /etc/haproxy/hub.pem alpn http/1.1",
                "bind 127.0.0.1:" + tlsPort + " ssl crt " + pem + " alpn http/1.1");
        c = once(c, "bind :80\n", "bind 127.0.0.1:" + httpPort + "\n");
        c = once(c, "maxconn 50000", "maxconn 1000"); // a test machine's file limit may not allow 50,000
        for (int i = 1; i <= 3; i++) {
            c = once(c, "server n" + i + " 127.0.0.1:808" + i, "server n" + i + " 127.0.0.1:" + nodes.get(i - 1).hub().port());
        }
        return c;
    }

    private static String once(String text, String find, String replace) {
        int at = text.indexOf(find);
        assertThat(at).as("examples/cluster/haproxy.cfg has '%s'", find.strip()).isNotNegative();
        assertThat(text.indexOf(find, at + 1)).as("'%s' once", find.strip()).isNegative();
        return text.replace(find, replace);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private URI wss(String path) {
        return URI.create("wss://127.0.0.1:" + tlsPort + path);
    }

    private WebSocketConnector dial(URI uri) {
        return WebSocketConnector.builder(uri).sslContext(trust).build();
    }

    private RemoteClient agent(String alias, SimulatedDevices toys, AtomicInteger linked) throws Exception {
        RemoteClient agent = RemoteClient.builder(wss("/share"), SHARE, alias, toys)
                .dialer(this::dial).backoff(Duration.ofMillis(100), Duration.ofMillis(300))
                .listener(new RemoteClient.Listener() {
                    @Override
                    public void linked(String room) {
                        linked.incrementAndGet();
                    }
                }).build();
        agent.grants().shareAll(ClusterTesting.FULL).get(5, TimeUnit.SECONDS);
        agent.start().get(ClusterTesting.LINK_TIMEOUT_S, TimeUnit.SECONDS);
        return agent;
    }

    private ClusterNode owner() {
        return nodes.stream().filter(n -> n.status().roomsOwned().contains("party")).findFirst()
                .orElseThrow(() -> new AssertionError("no node runs the room"));
    }

    @Test
    void agentsAndControllersReachTheRoomThroughTheTlsFrontEndAndPlainHttpIsRedirected() throws Exception {
        SimulatedDevices alice = ClusterTesting.toys("lovense");
        try (RemoteClient agent = agent("Alice", alice, new AtomicInteger());
             ClusterTesting.Controller c = ClusterTesting.controller(dial(wss("/control/" + CONTROL)))) {
            c.device("Alice - Lovense Hush", ClusterTesting.EVENT_WAIT.toMillis()).vibrate(0.5).get(5, TimeUnit.SECONDS);
            SimulatedDevice toy = alice.devices().get(0);
            toy.awaitOutput(0, o -> o.value() > 0, ClusterTesting.EVENT_WAIT);
            assertThat(toy.outputValue(0, OutputType.VIBRATE)).isPositive();
            // leastconn sent the controller to a node other than the agent's (whose link made it the
            // room's owner): the controller's link is bridged, an end on each of the two nodes
            assertThat(nodes.stream().mapToInt(n -> n.status().bridgedLinks()).sum()).isEqualTo(2);
        }

        HttpClient https = HttpClient.newBuilder().sslContext(trust).build();
        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + tlsPort + "/healthz"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("ok\n").contains("nats connected\n");

        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/control/" + CONTROL)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
    }

    @Test
    void whenTheNodeHoldingAnAgentGoesTheAgentRedialsTheSameAddressAndReachesAnother() throws Exception {
        SimulatedDevices bob = ClusterTesting.toys("lovense");
        AtomicInteger linked = new AtomicInteger();
        try (RemoteClient agent = agent("Bob", bob, linked)) {
            // the first link a room gets makes its node the owner: the agent is linked there directly
            ClusterNode holding = owner();
            holding.close();
            nodes.remove(holding);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (linked.get() < 2) {
                assertThat(System.nanoTime() - deadline).as("the agent linked again through the balancer within 30 s")
                        .isNegative();
                Thread.sleep(50); // bounded poll: the drop, the room's move if that node owned it, the redial
            }
            assertThat(nodes.stream().filter(n -> n.status().roomsOwned().contains("party")))
                    .as("another node runs the room now").hasSize(1);
            try (ClusterTesting.Controller c = ClusterTesting.controller(dial(wss("/control/" + CONTROL)))) {
                c.device("Bob - Lovense Hush", ClusterTesting.EVENT_WAIT.toMillis()).vibrate(0.25).get(5, TimeUnit.SECONDS);
                bob.devices().get(0).awaitOutput(0, o -> o.value() > 0, ClusterTesting.EVENT_WAIT);
            }
        }
    }
}
