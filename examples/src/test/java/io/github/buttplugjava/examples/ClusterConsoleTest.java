package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.cluster.RoomSetup;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.examples.console.CommandTable;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console of a cluster node, driven command by command against two real nodes on a real
 * nats-server: it lists the stored rooms and where they run, and its changes are stored in the
 * cluster, so the node running the room applies them (a revoked controller's link closes, an
 * invited agent links through the other node and is cut off again, a legacy grant reaches the
 * running room, a deleted room goes).
 */
class ClusterConsoleTest {

    private static final String SHARE = "console-share-token-0123456789a";
    private static final String ALICE = "console-alice-token-0123456789a";
    private static final String BOB = "console-bob-token-01234567890ab";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private NatsServer nats;
    private ClusterNode n1;
    private ClusterNode n2;
    private CommandTable console;

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
        n1 = ClusterNode.builder().nats(nats.url()).nodeName("n1").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder()).start();
        n2 = ClusterNode.builder().nats(nats.url()).nodeName("n2").heartbeat(Duration.ofMillis(250), Duration.ofSeconds(5))
                .hub(RemoteServer.builder()).start();
        n1.rooms().create(RoomSetup.named("party").withShareToken(AccessToken.of(SHARE))
                .withController("alice", AccessToken.of(ALICE), ControllerCeiling.NONE)
                .withController("bob", AccessToken.of(BOB), ControllerCeiling.NONE.withMaxLevel(0.3)));
        console = new ClusterConsole(n1).table();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{n1, n2, nats}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private List<String> run(String line) {
        CommandTable.Outcome outcome = console.run(List.of(line.split(" ")));
        assertThat(outcome).as(line).isInstanceOf(CommandTable.Outcome.Done.class);
        return ((CommandTable.Outcome.Done) outcome).lines();
    }

    private String fails(String line) {
        CommandTable.Outcome outcome = console.run(List.of(line.split(" ")));
        assertThat(outcome).as(line).isInstanceOf(CommandTable.Outcome.Failed.class);
        return ((CommandTable.Outcome.Failed) outcome).message();
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toMillis() + " ms: " + what);
            }
            Thread.sleep(20); // bounded poll: the change travels through NATS
        }
    }

    @Test
    void roomsAndControllersShowTheStoredRoomAndWhereItRunsAndARevokedControllerIsCutOff() throws Exception {
        assertThat(run("rooms")).containsExactly("party  policy shared  controllers alice, bob  invited -  refused -  legacy node default"
                + "  runs on another node (or on none yet)");

        CompletableFuture<Void> bobDropped = new CompletableFuture<>();
        ButtplugClient bob = ButtplugClient.builder("bob").build();
        bob.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                bobDropped.complete(null);
            }
        });
        bob.connect(WebSocketConnector.to(URI.create("ws://127.0.0.1:" + n1.hub().port() + "/control/" + BOB)))
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(run("rooms")).singleElement().asString()
                    .endsWith("runs here: sharers -, controllers 1 of 2 connected");
            assertThat(run("controllers party")).containsExactly("alice  not connected  no ceiling",
                    "bob  connected  at most 30%");

            assertThat(run("revoke-controller party bob")).singleElement().asString()
                    .startsWith("revoked controller bob in room party (stored in the cluster)");
            bobDropped.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(fails("revoke-controller party bob")).startsWith("no controller 'bob' in room party");
            assertThat(fails("revoke-controller party alice")).contains("keeps at least one controller");
            assertThat(fails("controllers nope")).startsWith("no room 'nope' in the cluster");
        } finally {
            bob.disconnect();
        }
    }

    @Test
    void anInvitedSharerLinksThroughTheOtherNodeAndRevokingTheInviteCutsThemOff() throws Exception {
        List<String> invited = run("invite party Carol");
        Matcher token = Pattern.compile("their share token: ([A-Za-z0-9_-]{22,})").matcher(invited.get(0));
        assertThat(token.find()).as(invited.get(0)).isTrue();
        assertThat(fails("invite party Carol")).contains("invited to room party already");

        // alice takes the room on n1; Carol's agent links through n2, bridged to n1
        ButtplugClient alice = ButtplugClient.builder("alice").build();
        alice.connect(WebSocketConnector.to(URI.create("ws://127.0.0.1:" + n1.hub().port() + "/control/" + ALICE)))
                .get(10, TimeUnit.SECONDS);
        SimulatedDevices toys = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
        try (RemoteClient carol = RemoteClient.builder(n2.hub().shareUri(), token.group(1), "Carol", toys)
                .backoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).build()) {
            carol.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1.0)))
                    .get(5, TimeUnit.SECONDS);
            carol.start().get(10, TimeUnit.SECONDS);
            await(() -> n1.hub().room("party").orElseThrow().agents().contains("Carol"), "Carol in the room");
            assertThat(run("rooms")).singleElement().asString().contains("invited Carol", "runs here: sharers Carol");

            assertThat(run("revoke-sharer party Carol")).singleElement().asString()
                    .startsWith("revoked sharer Carol in room party (stored in the cluster; their invite ended)");
            await(() -> n1.hub().room("party").orElseThrow().agents().isEmpty(), "Carol cut off");
            assertThat(run("rooms")).singleElement().asString().contains("invited -  refused Carol");
        }
        // Dana shares with the open share token through n2; the console of n2 (not the owner) cuts her off
        CommandTable onN2 = new ClusterConsole(n2).table();
        SimulatedDevices danas = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
        try (RemoteClient dana = RemoteClient.builder(n2.hub().shareUri(), SHARE, "Dana", danas)
                .backoff(Duration.ofSeconds(5), Duration.ofSeconds(5)).build()) {
            dana.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(1.0)))
                    .get(5, TimeUnit.SECONDS);
            dana.start().get(10, TimeUnit.SECONDS);
            await(() -> n1.hub().room("party").orElseThrow().agents().contains("Dana"), "Dana in the room");
            CommandTable.Outcome cut = onN2.run(List.of("revoke-sharer", "party", "Dana"));
            assertThat(cut).isInstanceOf(CommandTable.Outcome.Done.class);
            assertThat(((CommandTable.Outcome.Done) cut).lines()).singleElement().asString()
                    .startsWith("revoked sharer Dana in room party (stored in the cluster): their link is closing");
            await(() -> n1.hub().room("party").orElseThrow().agents().isEmpty(), "Dana cut off by the owner");
            assertThat(n1.rooms().refused("party")).containsExactly("Carol", "Dana");
            run("invite party Dana");
            assertThat(n1.rooms().refused("party")).as("invited again: no longer refused").containsExactly("Carol");
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void theLegacyGrantIsStoredAndReachesTheRunningRoomAndADeletedRoomGoes() throws Exception {
        ButtplugClient alice = ButtplugClient.builder("alice").build();
        alice.connect(WebSocketConnector.to(URI.create("ws://127.0.0.1:" + n2.hub().port() + "/control/" + ALICE)))
                .get(10, TimeUnit.SECONDS);
        try {
            assertThat(run("legacy-grant party vibrate=0.4,rotate=0.2 100ms")).singleElement().asString()
                    .startsWith("room party: 0.13 forwarders that join from now on get ");
            DeviceGrant expected = DeviceGrant.none()
                    .withOutput(OutputType.VIBRATE, new OutputGrant(0.4, Duration.ofMillis(100)))
                    .withOutput(OutputType.ROTATE, new OutputGrant(0.2, Duration.ofMillis(100)));
            assertThat(n1.rooms().stored("party").orElseThrow().legacyGrant()).isEqualTo(expected);
            await(() -> expected.equals(n2.hub().room("party").orElseThrow().legacyGrant()), "the owner n2 applies it");
            assertThat(run("rooms")).singleElement().asString().doesNotContain("legacy node default")
                    .endsWith("runs on another node (or on none yet)");

            run("legacy-grant party default");
            assertThat(n1.rooms().stored("party").orElseThrow().legacyGrant()).isNull();
            await(() -> RemoteServer.DEFAULT_LEGACY_GRANT.equals(n2.hub().room("party").orElseThrow().legacyGrant()),
                    "back to the node's own");
            assertThat(fails("legacy-grant party vibrate=2")).startsWith("legacy-grant: maxLevel must be within (0, 1]");
            assertThat(fails("legacy-grant party teleport=0.5")).startsWith("legacy-grant: unknown output 'teleport'");

            assertThat(run("delete-room party")).singleElement().asString().startsWith("deleted room party");
            await(() -> n2.hub().room("party").isEmpty(), "the owner closed the room");
            await(() -> run("rooms").equals(List.of("no rooms in the cluster")), "the index forgot the room");
            assertThat(fails("delete-room party")).startsWith("no room 'party' in the cluster");
        } finally {
            alice.disconnect();
        }
    }
}
