package io.github.buttplugjava.transport.ws.server.interop;

import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import io.github.buttplugjava.testsupport.interop.NpmClientProcess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.core.sim.RecordedCommand;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real npm {@code buttplug} clients (3.2.2 speaking v3, 5.0.2 speaking v4) drive our WebSocket
 * server over loopback: scan, list, vibrate 0.5, battery, stop, disconnect. The assertions are on what
 * the simulated toys received and on what the clients printed.
 */
class NpmClientInteropTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private NodeInterop node;
    private SimulatedDevices sim;
    private DeviceManager devices;
    private ButtplugServer buttplug;
    private ButtplugWebSocketServer server;

    @BeforeEach
    void startServer() throws Exception {
        node = NodeInterop.locate();
        // Found by a scan (not present at start), so the clients see DeviceAdded (v3) / DeviceList (v4) events.
        sim = SimulatedDevices.of("lovense", "wevibe", "rotator");
        devices = DeviceManager.of(sim);
        // Neither npm client sends Ping, so the ping watchdog stays off.
        buttplug = ButtplugServer.builder(devices).name("buttplug-java interop").maxPingTime(Duration.ZERO).build();
        server = ButtplugWebSocketServer.builder(buttplug).start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (devices != null) {
            devices.close();
        }
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void basicScenarioReachesTheToys(NpmClient client) throws Exception {
        NpmClientRun run = node.run(client, server.uri(), "basic", RUN_LIMIT, "--devices=3");

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.unparsed()).as(run.describe()).isEmpty();
        JsonNode connect = run.step("connect").orElseThrow();
        assertThat(connect.path("client").asText()).isEqualTo("buttplug@" + client.packageVersion());
        assertThat(connect.path("spec").asInt()).isEqualTo(client.specVersion());

        Map<String, Integer> vibratorsByName = run.devices().stream()
                .collect(Collectors.toMap(d -> d.path("name").asText(), d -> d.path("vibrators").asInt()));
        assertThat(vibratorsByName).as(run.describe()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Lovense Hush", 1, "We-Vibe Sync", 2, "Vorze A10 Cyclone SA", 0));
        assertThat(run.devices()).allSatisfy(d -> assertThat(d.path("hasBattery").asBoolean()).isTrue());

        // vibrate 0.5 arrives as ceil(0.5 * 20) = 10 on every motor, and a stop follows it
        SimulatedDevice hush = sim.device("lovense");
        SimulatedDevice sync = sim.device("wevibe");
        SimulatedDevice cyclone = sim.device("rotator");
        assertVibratedThenStopped(hush, 0, 10);
        assertVibratedThenStopped(sync, 0, 10);
        assertVibratedThenStopped(sync, 1, 10);
        assertThat(cyclone.commands()).noneMatch(c -> c.kind() == RecordedCommand.Kind.OUTPUT);
        assertThat(run.steps("vibrate")).extracting(s -> s.path("name").asText())
                .containsExactlyInAnyOrder("Lovense Hush", "We-Vibe Sync");
        assertThat(run.steps("stop")).hasSize(2);

        // battery: v3's device.battery() returns the reading / 100, v4's the reading itself
        Map<String, Double> batteryByName = run.steps("battery").stream()
                .collect(Collectors.toMap(s -> s.path("name").asText(), s -> s.path("value").asDouble()));
        double scale = client.specVersion() == 3 ? 100.0 : 1.0;
        assertThat(batteryByName).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Lovense Hush", hush.batteryLevel() / scale,
                "We-Vibe Sync", sync.batteryLevel() / scale,
                "Vorze A10 Cyclone SA", cyclone.batteryLevel() / scale));
        for (SimulatedDevice toy : List.of(hush, sync, cyclone)) {
            assertThat(toy.commands()).anyMatch(c -> c.kind() == RecordedCommand.Kind.READ);
        }

        // the client disconnected: its session ends and every toy is left still
        List<ServerSession> sessions = buttplug.sessions();
        CompletableFuture.allOf(sessions.stream().map(ServerSession::closeFuture).toArray(CompletableFuture[]::new))
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        for (SimulatedDevice toy : List.of(hush, sync)) {
            for (int feature = 0; feature < toy.toy().features().size() - 1; feature++) {
                assertThat(toy.outputValue(feature, OutputType.VIBRATE)).as(toy.name() + " feature " + feature)
                        .isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void listScenarioSeesDeviceFeaturesInTheClientsOwnTerms(NpmClient client) {
        NpmClientRun run = node.run(client, server.uri(), "list", RUN_LIMIT, "--devices=3");

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        JsonNode sync = run.devices().stream().filter(d -> d.path("name").asText().equals("We-Vibe Sync"))
                .findFirst().orElseThrow();
        List<JsonNode> outputs = toList(sync.path("outputs"));
        assertThat(outputs).hasSize(2).allSatisfy(o -> {
            assertThat(o.path("type").asText()).isEqualTo("Vibrate");
            if (client.specVersion() == 3) {
                assertThat(o.path("steps").asInt()).isEqualTo(20);
            } else {
                assertThat(o.path("range").toString()).isEqualTo("[0,20]");
            }
        });
        JsonNode cyclone = run.devices().stream().filter(d -> d.path("name").asText().equals("Vorze A10 Cyclone SA"))
                .findFirst().orElseThrow();
        if (client.specVersion() == 3) {
            assertThat(cyclone.path("messages").toString()).contains("RotateCmd");
        } else {
            assertThat(toList(cyclone.path("outputs"))).singleElement()
                    .satisfies(o -> assertThat(o.path("type").asText()).isEqualTo("Rotate"));
        }
        assertThat(sim.devices()).allSatisfy(toy -> assertThat(toy.commands())
                .noneMatch(c -> c.kind() == RecordedCommand.Kind.OUTPUT));
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void unpluggedToyLeavesTheClientsList(NpmClient client) {
        NpmClientRun run;
        try (NpmClientProcess process = node.start(client, server.uri(), "watch", RUN_LIMIT,
                "--devices=3", "--removals=1")) {
            process.awaitStep("devices", RUN_LIMIT);
            sim.unplug(sim.device("wevibe"));
            run = process.finish();
        }

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.steps("deviceremoved")).as(run.describe()).singleElement()
                .satisfies(r -> assertThat(r.path("device").path("name").asText()).isEqualTo("We-Vibe Sync"));
        List<String> remaining = new ArrayList<>();
        run.step("remaining").orElseThrow().path("devices").forEach(d -> remaining.add(d.path("name").asText()));
        assertThat(remaining).containsExactlyInAnyOrder("Lovense Hush", "Vorze A10 Cyclone SA");
    }

    /** 3.2.2 has no sensor subscription API, so this one is for 5.0.2 (v4 InputCmd Subscribe) only. */
    @Test
    void v4ClientReceivesBatteryReadingsItSubscribedTo() {
        SimulatedDevice hush = sim.device("lovense");
        NpmClientRun run;
        try (NpmClientProcess process = node.start(NpmClient.V4, server.uri(), "subscribe", RUN_LIMIT,
                "--devices=3", "--until-value=42")) {
            process.awaitStep("subscribed", RUN_LIMIT);
            hush.setBatteryLevel(42);
            run = process.finish();
        }

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        // only the Hush offers Subscribe on its battery in the catalogue used here
        assertThat(run.steps("subscribed")).as(run.describe()).singleElement()
                .satisfies(s -> assertThat(s.path("name").asText()).isEqualTo("Lovense Hush"));
        assertThat(run.steps("inputreading")).as(run.describe())
                .anySatisfy(r -> {
                    assertThat(r.path("name").asText()).isEqualTo("Lovense Hush");
                    assertThat(r.path("type").asText()).isEqualTo("Battery");
                    assertThat(r.path("value").asInt()).isEqualTo(42);
                });
        assertThat(hush.commands()).extracting(RecordedCommand::kind)
                .containsSubsequence(RecordedCommand.Kind.SUBSCRIBE, RecordedCommand.Kind.UNSUBSCRIBE);
    }

    private static void assertVibratedThenStopped(SimulatedDevice toy, int feature, int expected) {
        OutputCommand vibrate = toy.awaitOutput(feature, c -> c.type() == OutputType.VIBRATE && c.value() != 0, WAIT);
        assertThat(vibrate.value()).as(toy.name() + " feature " + feature + ": " + toy.commands()).isEqualTo(expected);
        List<RecordedCommand> commands = toy.commands();
        int vibrateAt = indexOf(commands, c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.featureIndex() == feature
                && c.output().value() == expected);
        assertThat(commands.subList(vibrateAt + 1, commands.size()))
                .as(toy.name() + ": a stop after the vibrate, in " + commands)
                .anyMatch(c -> c.kind() == RecordedCommand.Kind.STOP
                        || (c.kind() == RecordedCommand.Kind.OUTPUT && c.featureIndex() == feature && c.output().value() == 0));
    }

    private static int indexOf(List<RecordedCommand> commands, Predicate<RecordedCommand> p) {
        for (int i = 0; i < commands.size(); i++) {
            if (p.test(commands.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such command in " + commands);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
