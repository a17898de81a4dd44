package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.testing.HubFixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientProcess;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real npm {@code buttplug} clients (3.2.2 speaking v3, 5.0.2 speaking v4) as the controller of a
 * hub room that two agents share into, each under its own grant: they see both devices by their
 * shared names, drive them at 100%, and each toy receives its grant's maximum, never more.
 */
class NpmControllerInteropTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ALICE_TOY = "Alice - Lovense Hush";
    private static final String BOB_TOY = "Bob - Lovense Edge";

    /** Alice: vibrate up to 50% (0..20 shared as 0..10), battery readable. */
    private static final DeviceGrant ALICE_GRANT = DeviceGrant.none()
            .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5)).withInput(InputType.BATTERY);
    /** Bob: vibrate up to 80% (0..20 shared as 0..16) on both motors, no inputs. */
    private static final DeviceGrant BOB_GRANT = DeviceGrant.none()
            .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.8));

    private NodeInterop node;
    private HubFixture hub;
    private SimulatedDevices alice;
    private SimulatedDevices bob;
    private RemoteClient aliceAgent;

    @BeforeEach
    void locateNode() {
        node = NodeInterop.locate();
    }

    private void startHubAndAgents(Duration controllerMaxPingTime) throws Exception {
        startHubAndAgents(RemoteServer.builder().controllerMaxPingTime(controllerMaxPingTime));
    }

    private void startHubAndAgents(RemoteServerBuilder settings) throws Exception {
        hub = new HubFixture(settings);
        alice = HubFixture.sims("lovense");
        bob = HubFixture.sims("edge");
        aliceAgent = hub.agent("Alice", alice, ALICE_GRANT);
        hub.agent("Bob", bob, BOB_GRANT);
    }

    @AfterEach
    void stopHub() throws Exception {
        if (hub != null) {
            hub.close();
        }
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void npmControllerSeesBothSharedDevicesAndAFullCommandArrivesAsTheGrantedMaximum(NpmClient client)
            throws Exception {
        // Neither npm client ever sends Ping, so here the controller sessions do not require it.
        startHubAndAgents(Duration.ZERO);
        NpmClientRun run = node.run(client, hub.hub.controlUri(hub.room), "basic", RUN_LIMIT,
                "--devices=2", "--level=1");

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        Map<String, JsonNode> seen = run.devices().stream()
                .collect(Collectors.toMap(d -> d.path("name").asText(), Function.identity()));
        assertThat(seen).as(run.describe()).containsOnlyKeys(ALICE_TOY, BOB_TOY);
        assertThat(seen.get(ALICE_TOY).path("vibrators").asInt()).isEqualTo(1);
        assertThat(seen.get(BOB_TOY).path("vibrators").asInt()).isEqualTo(2);
        assertThat(advertisedMaxima(client, seen.get(ALICE_TOY))).containsOnly(10);
        assertThat(advertisedMaxima(client, seen.get(BOB_TOY))).containsOnly(16);
        assertThat(seen.get(ALICE_TOY).path("hasBattery").asBoolean()).isTrue();
        assertThat(seen.get(BOB_TOY).path("hasBattery").asBoolean()).as("Bob shares no inputs").isFalse();
        assertThat(run.devices()).allSatisfy(d -> assertThat(d.toString()).doesNotContain("sim:"));

        SimulatedDevice hush = alice.devices().get(0);
        SimulatedDevice edge = bob.devices().get(0);
        assertThat(hush.awaitOutput(0, o -> o.value() != 0, WAIT).value()).isEqualTo(10);
        assertThat(edge.awaitOutput(0, o -> o.value() != 0, WAIT).value()).isEqualTo(16);
        assertThat(edge.awaitOutput(1, o -> o.value() != 0, WAIT).value()).isEqualTo(16);
        assertNeverAbove(hush, 10);
        assertNeverAbove(edge, 16);

        double scale = client.specVersion() == 3 ? 100.0 : 1.0;
        assertThat(run.steps("battery")).singleElement().satisfies(b -> {
            assertThat(b.path("name").asText()).isEqualTo(ALICE_TOY);
            assertThat(b.path("value").asDouble()).isEqualTo(hush.batteryLevel() / scale);
        });
        assertThat(run.steps("stop")).hasSize(2);

        // the controller disconnected: everything it drove is still again
        hush.awaitStop(WAIT);
        edge.awaitStop(WAIT);
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(edge.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(edge.outputValue(1, OutputType.VIBRATE)).isZero();
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void npmControllerThatNeverPingsIsDroppedByAHubRequiringPingAndTheToysStop(NpmClient client) throws Exception {
        startHubAndAgents(Duration.ofMillis(500));
        NpmClientRun run = node.run(client, hub.hub.controlUri(hub.room), "basic", RUN_LIMIT,
                "--devices=2", "--level=1", "--hold-ms=3000");

        SimulatedDevice hush = alice.devices().get(0);
        RecordedCommand on = hush.await(c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.output().value() == 10, WAIT);
        RecordedCommand off = hush.await(c -> c.at().isAfter(on.at()) && (c.kind() == RecordedCommand.Kind.STOP
                || (c.kind() == RecordedCommand.Kind.OUTPUT && c.output().value() == 0)), WAIT);
        assertThat(Duration.between(on.at(), off.at())).as(run.describe()).isLessThan(Duration.ofMillis(1500));
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(bob.devices().get(0).outputValue(0, OutputType.VIBRATE)).isZero();
        assertThat(run.succeeded()).as(run.describe()).isFalse();
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
        assertThat(run.steps("stop")).as("the hub stopped the toys, not the client").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void anIdleNpmControllerAnswersTheHubsWebSocketPingsByItselfAndStaysConnected(NpmClient client) throws Exception {
        // no Buttplug Ping asked for, a tight WebSocket keepalive: 3 s of holding still spans 15 intervals
        startHubAndAgents(RemoteServer.builder().controllerMaxPingTime(Duration.ZERO)
                .keepAlive(Duration.ofMillis(200), Duration.ofMillis(600)));
        NpmClientRun run = node.run(client, hub.hub.controlUri(hub.room), "basic", RUN_LIMIT,
                "--devices=2", "--level=1", "--hold-ms=3000");

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.step("hold").orElseThrow().path("connected").asBoolean()).as(run.describe()).isTrue();
        assertThat(run.steps("stop")).as("the client itself stopped both toys after holding").hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void anAgentLeavingTakesItsDeviceOutOfTheNpmControllersList(NpmClient client) throws Exception {
        startHubAndAgents(Duration.ZERO);
        NpmClientRun run;
        try (NpmClientProcess controller = node.start(client, hub.hub.controlUri(hub.room), "watch", RUN_LIMIT,
                "--devices=2", "--removals=1")) {
            controller.awaitStep("devices", RUN_LIMIT);
            aliceAgent.close();
            run = controller.finish();
        }

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.steps("deviceremoved")).as(run.describe()).singleElement()
                .satisfies(r -> assertThat(r.path("device").path("name").asText()).isEqualTo(ALICE_TOY));
        assertThat(run.step("remaining").orElseThrow().path("devices")).singleElement()
                .satisfies(d -> assertThat(d.path("name").asText()).isEqualTo(BOB_TOY));
    }

    /** The top of each vibrator's range as the client saw it: v3 StepCount, v4 Value range maximum. */
    private static List<Integer> advertisedMaxima(NpmClient client, JsonNode device) {
        List<Integer> maxima = new ArrayList<>();
        for (JsonNode output : device.path("outputs")) {
            if ("Vibrate".equals(output.path("type").asText())) {
                maxima.add(client.specVersion() == 3 ? output.path("steps").asInt() : output.path("range").path(1).asInt());
            }
        }
        return maxima;
    }

    private static void assertNeverAbove(SimulatedDevice toy, int max) {
        assertThat(toy.commands()).filteredOn(c -> c.kind() == RecordedCommand.Kind.OUTPUT)
                .allSatisfy(c -> assertThat(c.output().value()).as(toy.name()).isLessThanOrEqualTo(max));
    }
}
