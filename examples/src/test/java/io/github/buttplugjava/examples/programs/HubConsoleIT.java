package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code buttplug hub} run from the jar on a pseudo-terminal: its console lists rooms and
 * controllers, invites a sharer, and revokes a controller and a sharer while they are connected
 * (the controller's link closes and its outputs stop; the sharer's toys stop and leave).
 */
class HubConsoleIT {

    private static final String SHARE = "share-token-for-hub-console-0123";
    private static final String HOST = "control-token-host-for-console-01";
    private static final String BOB = "control-token-bob-for-console-012";

    @Test
    void theConsoleListsInvitesAndRevokesWhileTheHubRuns() throws Exception {
        assumeTrue(JarProcess.scriptAvailable(), "script(1) (util-linux) is not installed");
        try (JarProcess p = JarProcess.onPseudoTerminal("hub", "--port", "0", "--share-token", SHARE,
                "--control-token", "host:" + HOST, "--control-token", "bob:" + BOB + ":max=30", "--policy", "turns",
                "--turn", "30s")) {
            int at = p.awaitOut("hub> ");
            Matcher m = Pattern.compile("Share URL: +ws://127\\.0\\.0\\.1:(\\d+)/share").matcher(p.out());
            assertThat(m.find()).as(p.out()).isTrue();
            int port = Integer.parseInt(m.group(1));

            SimulatedDevices toys = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
            SimulatedDevice hush = toys.devices().get(0);
            ButtplugClient bob = ButtplugClient.builder("bob").build();
            try (RemoteClient alice = RemoteClient.builder(URI.create("ws://127.0.0.1:" + port + "/share"), SHARE, "Alice", toys)
                    .build()) {
                alice.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1.0)))
                        .get(5, TimeUnit.SECONDS);
                alice.start().get(10, TimeUnit.SECONDS);
                bob.connect(WebSocketConnector.to(URI.create("ws://127.0.0.1:" + port + "/control/" + BOB)))
                        .get(10, TimeUnit.SECONDS);
                awaitDevice(bob);

                p.type("rooms\r");
                at = p.awaitOut("default  policy turns\\(30000 ms\\)  sharers Alice  invited -  controllers 1 of 2 connected", at);
                p.type("controllers def\t\r");
                at = p.awaitOut("bob  connected  at most 30%  ws://127\\.0\\.0\\.1:" + port + "/control/" + BOB, at);
                p.awaitOut("host  not connected  no ceiling", 0);

                // bob drives (his turn: the host never connected), then is revoked: the toy stops
                bob.devices().get(0).vibrate(1.0).get(5, TimeUnit.SECONDS);
                hush.awaitOutput(0, o -> o.value() == 6, Duration.ofSeconds(5)); // 30 % of 0..20
                p.type("revoke-controller default bob\r");
                at = p.awaitOut("revoked controller bob in room default: the outputs it set stopped", at);
                hush.awaitStop(Duration.ofSeconds(5));
                awaitDisconnected(bob);
                p.type("revoke-controller default bob\r");
                at = p.awaitOut("error: no controller 'bob' in room default", at);

                p.type("invite default Carol\r");
                at = p.awaitOut("invited Carol to room default; their share token: [A-Za-z0-9_-]{22,}", at);
                p.type("rooms\r");
                at = p.awaitOut("sharers Alice  invited Carol  controllers 0 of 1 connected", at);

                hush.clearRecording();
                p.type("revoke-sharer default Alice\r");
                int answered = p.awaitOut("revoked sharer Alice in room default: their link is closing", at);
                // the hub's log line: the link may end before or after the console answers
                int left = p.awaitOut("agent Alice left", at);
                at = Math.max(answered, left);
                hush.awaitStop(Duration.ofSeconds(5));
                p.type("rooms\r");
                at = p.awaitOut("sharers -  invited Carol", at);

                p.type("help\r");
                at = p.awaitOut("revoke-sharer ROOM ALIAS", at);
                p.type("frobnicate\r");
                at = p.awaitOut("error: unknown command 'frobnicate'; type 'help' for the list", at);
                p.type("quit\r");
                assertThat(p.exitStatus()).as(p.out()).isZero();
            } finally {
                bob.disconnect();
            }
        }
    }

    private static void awaitDevice(ButtplugClient client) throws InterruptedException {
        long deadline = System.nanoTime() + JarProcess.WAIT.toNanos();
        while (client.devices().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no device reached the controller");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitDisconnected(ButtplugClient client) throws InterruptedException {
        long deadline = System.nanoTime() + JarProcess.WAIT.toNanos();
        while (client.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the revoked controller is still connected");
            }
            Thread.sleep(20);
        }
    }
}
