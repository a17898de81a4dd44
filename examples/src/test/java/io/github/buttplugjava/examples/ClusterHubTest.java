package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.cluster.ClusterRooms;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.testsupport.nats.NatsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hub --cluster} with full rooms: named controllers, ceilings and policy stored; exists, update, delete. */
class ClusterHubTest {

    private static final String ALICE = "cluster-cli-alice-token-0123456789";

    private NatsServer nats;
    private final List<ClusterNode> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        nats = NatsServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(ClusterNode::close);
        if (nats != null) { // null when nats-server is missing and the test was skipped
            nats.close();
        }
    }

    private HubCommand parse(String node, String... args) {
        List<String> all = new ArrayList<>(List.of("--cluster", nats.url(), "--node-name", node, "--port", "0"));
        all.addAll(List.of(args));
        HubCommand command = new HubCommand();
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return command;
    }

    /** Starts a node from the options; what it printed. */
    private String node(String name, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        nodes.add(new ClusterHub(parse(name, args)).startNode(new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namedControllersCeilingsAndPolicyAreStoredAndTheSameSettingsAreServedOnAnotherNode() throws Exception {
        String[] party = {"--room", "party", "--control-token", "alice:" + ALICE, "--control-token", "bob::max=30",
                "--policy", "exclusive", "--lease", "5s"};
        String first = node("n1", party);
        assertThat(first).contains("Room 'party' created in the cluster (policy exclusive(5000 ms))", "Share token:",
                "0.13 sharers: buttplug-js 0.13 forwarders dial ws://127.0.0.1:", "/forwarder with the share token",
                "/control/" + ALICE + "   (alice;", "(bob, at most 30%;");
        String second = node("n2", party);
        assertThat(second).contains("The room exists in the cluster").doesNotContain(ALICE, "Share token:");

        assertThatThrownBy(() -> node("n3", "--room", "party", "--control-token", "alice:" + ALICE))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("room party exists in the cluster with other settings: add --update-room");

        String updated = node("n4", "--room", "party", "--control-token", "alice:" + ALICE, "--control-token", "carol:",
                "--update-room");
        assertThat(updated).contains("Room 'party' updated in the cluster (policy shared)", "(carol;")
                .doesNotContain("Share token:", ALICE);
        try (ClusterRooms rooms = ClusterRooms.connect(nats.url(), "buttplug")) {
            assertThat(rooms.revokeController("party", "bob")).as("bob was revoked by the update").isFalse();
            assertThat(rooms.revokeController("party", "carol")).isTrue();
        }
    }

    @Test
    void theLegacyGrantOptionsAreStoredWithTheRoomAndDifferentOnesAreRefusedOnAnotherNode() throws Exception {
        String[] party = {"--room", "party", "--legacy-allow", "vibrate,rotate", "--legacy-max", "vibrate=0.3",
                "--legacy-min-interval", "200ms"};
        node("n1", party);
        try (ClusterRooms rooms = ClusterRooms.connect(nats.url(), "buttplug")) {
            assertThat(rooms.stored("party").orElseThrow().legacyGrant()).isEqualTo(DeviceGrant.none()
                    .withOutput(OutputType.VIBRATE, new OutputGrant(0.3, Duration.ofMillis(200)))
                    .withOutput(OutputType.ROTATE, new OutputGrant(0.5, Duration.ofMillis(200))));
        }
        assertThat(node("n2", party)).contains("The room exists in the cluster");
        assertThatThrownBy(() -> node("n3", "--room", "party", "--legacy-max", "vibrate=0.9"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("room party exists in the cluster with other settings");
        node("n4", "--room", "party", "--control-token", "alice:" + ALICE, "--update-room");
        try (ClusterRooms rooms = ClusterRooms.connect(nats.url(), "buttplug")) {
            assertThat(rooms.stored("party").orElseThrow().legacyGrant()).as("left out of the update: none stored")
                    .isNull();
        }
    }

    @Test
    void deleteRoomDeletesWithoutRunningANodeAndSaysWhenThereIsNone() throws Exception {
        node("n1", "--room", "gone");
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(ignored, true, StandardCharsets.UTF_8));
        try {
            HubCommand delete = new HubCommand();
            new CommandLine(delete).parseArgs("--cluster", nats.url(), "--delete-room", "gone");
            assertThat(new ClusterHub(delete).delete("gone")).isZero();
            assertThat(new ClusterHub(delete).delete("gone")).isEqualTo(1);
        } finally {
            System.setErr(err);
        }
        assertThat(ignored.toString(StandardCharsets.UTF_8)).contains("no room named gone");
        try (ClusterRooms rooms = ClusterRooms.connect(nats.url(), "buttplug")) {
            assertThat(rooms.exists("gone")).isFalse();
        }
        HubCommand both = new HubCommand();
        new CommandLine(both).parseArgs("--cluster", nats.url(), "--delete-room", "x", "--policy", "turns");
        assertThatThrownBy(() -> new ClusterHub(both).delete("x")).hasMessageContaining("--delete-room takes no room settings");
    }

    @Test
    void updateRoomWithoutSettingsIsRefused() {
        assertThatThrownBy(() -> node("n1", "--room", "party", "--update-room"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--update-room stores the room settings");
    }
}
