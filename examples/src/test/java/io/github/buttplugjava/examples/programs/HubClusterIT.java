package io.github.buttplugjava.examples.programs;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hub --cluster} as two processes of the jar on a real nats-server: the first node creates
 * the room and prints its tokens, the second finds it; {@code share --hub} repeated links an
 * agent; a controller on either node sees the agent's toy once.
 */
class HubClusterIT {

    private static final String SHARE = "cluster-it-share-token-0123456789";
    private static final String CONTROL = "cluster-it-control-token-0123456789";

    private static int port(JarProcess p) throws InterruptedException {
        p.awaitOut("Share URL: +ws://127\\.0\\.0\\.1:\\d+/share");
        Matcher m = Pattern.compile("Share URL: +ws://127\\.0\\.0\\.1:(\\d+)/share").matcher(p.out());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** A controller on the node at {@code port}; the previous one may still be leaving the room (one connection per token). */
    private static ButtplugClient connected(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ButtplugClient c = ButtplugClient.builder("it controller").build();
            try {
                c.connect(WebSocketConnector.to(URI.create("ws://127.0.0.1:" + port + "/control/" + CONTROL)))
                        .get(10, TimeUnit.SECONDS);
                return c;
            } catch (java.util.concurrent.ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // bounded by the deadline
            }
        }
    }

    @Test
    void twoNodesServeOneRoomAndAnAgentGivenBothHubsIsSeenThroughEither() throws Exception {
        try (NatsServer nats = NatsServer.start();
             JarProcess n1 = JarProcess.start("hub", "--cluster", nats.url(), "--node-name", "n1", "--port", "0",
                     "--room", "it", "--share-token", SHARE, "--control-token", CONTROL, "--metrics")) {
            int p1 = port(n1);
            n1.awaitOut("Share token: +" + SHARE);
            try (JarProcess n2 = JarProcess.start("hub", "--cluster", nats.url(), "--node-name", "n2", "--port", "0",
                    "--room", "it", "--metrics")) {
                int p2 = port(n2);
                n2.awaitOut("The room exists in the cluster");
                assertThat(n2.out()).doesNotContain(SHARE, CONTROL);
                try (JarProcess share = JarProcess.start("share", "--hub", "ws://127.0.0.1:" + p2 + "/share",
                        "--hub", "ws://127.0.0.1:" + p1 + "/share", "--token", SHARE, "--alias", "Alice",
                        "--simulate", "lovense", "--max", "vibrate=0.5")) {
                    share.awaitOut("Linked to the hub \\(room 'it'\\)");
                    for (int port : new int[]{p1, p2}) {
                        ButtplugClient c = connected(port);
                        try {
                            // on a starved machine a node may miss its heartbeats, its peers close the bridged
                            // links and the agent redials the other hub: the toy is listed again after that
                            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                            while (c.devices().isEmpty() && System.nanoTime() < deadline) {
                                Thread.sleep(20); // bounded wait for the device list
                            }
                            assertThat(c.devices()).extracting(ButtplugClientDevice::name)
                                    .as("devices seen through port %d; n1 printed:%n%s%nn2 printed:%n%s%nshare printed:%n%s",
                                            port, tail(n1.out() + n1.err()), tail(n2.out() + n2.err()), tail(share.out() + share.err()))
                                    .containsExactly("Alice - Lovense Hush");
                            c.devices().get(0).vibrate(1.0).get(5, TimeUnit.SECONDS);
                        } finally {
                            c.disconnect().get(5, TimeUnit.SECONDS);
                        }
                    }
                }
            }
        }
    }

    /** The last 40 lines of a process's output, for a failure message. */
    private static String tail(String out) {
        String[] lines = out.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}
