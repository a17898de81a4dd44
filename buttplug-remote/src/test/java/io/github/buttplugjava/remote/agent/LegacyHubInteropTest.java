package io.github.buttplugjava.remote.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.interop.LegacyNodePeer;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our agent in legacy mode shares a simulated toy into a minimal buttplug-js 0.13.2 hub (node,
 * {@code interop/node/legacy.cjs hub}, the sample app's password-first auth): a 0.13 controller
 * sees it as "{@code Alice - Lovense Hush}" and drives it, the grant holds at our end, and the toy
 * stops when that hub dies or goes silent.
 */
class LegacyHubInteropTest {

    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PASSWORD = "sharer-password";
    /** Vibrate up to 50%: the Hush's 0..20 is shared as 0..10. */
    private static final DeviceGrant GRANT = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    private NodeInterop node;
    private LegacyNodePeer hub;
    private LegacyHubClient agent;
    private SimulatedDevices local;

    @BeforeEach
    void start() throws Exception {
        node = NodeInterop.locateLegacy();
        hub = LegacyNodePeer.start(node, "hub", LIMIT, "--port=0", "--password=" + PASSWORD);
        int port = hub.awaitStep("listening", WAIT).path("port").asInt();
        local = HubFixture.sims("lovense");
        agent = RemoteClient.legacyBuilder(URI.create("ws://127.0.0.1:" + port + "/forwarder"), "Alice", local)
                .password(PASSWORD).silenceTimeout(Duration.ofSeconds(1))
                .backoff(Duration.ofMillis(200), Duration.ofMillis(400)).build();
        agent.grants().shareAll(GRANT).get(2, TimeUnit.SECONDS);
        agent.start().get(10, TimeUnit.SECONDS);
        hub.awaitStep("forwarder", WAIT);
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    private String controllerUrl() {
        return "ws://127.0.0.1:" + hub.awaitStep("listening", WAIT).path("port").asInt() + "/";
    }

    @Test
    void aLegacyControllerDrivesOurToyWithinTheGrantAndEveryCommandIsAnswered() throws Exception {
        SimulatedDevice hush = local.devices().get(0);
        try (LegacyNodePeer controller = LegacyNodePeer.start(node, "controller", LIMIT, controllerUrl(),
                "--password=" + PASSWORD, "--devices=1", "--level=1")) {
            JsonNode devices = controller.awaitStep("devices", WAIT);
            assertThat(devices.path("devices").get(0).path("name").asText()).isEqualTo("Alice - Lovense Hush");
            assertThat(hush.awaitOutput(0, o -> o.value() != 0, WAIT).value()).isEqualTo(10);
            // vibrate, StopAllDevices and the disconnect's own stop were all answered
            controller.awaitStep("done", WAIT);
        }
        hush.awaitStop(WAIT);
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void theToyStopsWhenTheLegacyHubDies() throws Exception {
        SimulatedDevice hush = local.devices().get(0);
        try (LegacyNodePeer controller = LegacyNodePeer.start(node, "controller", LIMIT, controllerUrl(),
                "--password=" + PASSWORD, "--devices=1", "--level=1", "--hold-ms=30000")) {
            controller.awaitStep("vibrate", WAIT);
            assertThat(hush.awaitOutput(0, o -> o.value() != 0, WAIT).value()).isEqualTo(10);
            hub.kill();
            hush.awaitStop(Duration.ofSeconds(3));
            assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
        }
    }

    @Test
    void theToyStopsWhenTheLegacyHubGoesSilent() throws Exception {
        SimulatedDevice hush = local.devices().get(0);
        try (LegacyNodePeer controller = LegacyNodePeer.start(node, "controller", LIMIT, controllerUrl(),
                "--password=" + PASSWORD, "--devices=1", "--level=1", "--hold-ms=30000")) {
            controller.awaitStep("vibrate", WAIT);
            assertThat(hush.awaitOutput(0, o -> o.value() != 0, WAIT).value()).isEqualTo(10);
            // a live 0.13 hub never pings, but it answers WebSocket pings: no stop while it lives
            Thread.sleep(2500); // longer than the 1 s silence timeout
            assertThat(hush.outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
            assertThat(agent.isLinked()).isTrue();
            hub.suspend();
            try {
                // silence timeout 1 s; the stop is asserted within 4 s
                hush.awaitStop(Duration.ofSeconds(4));
                assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
            } finally {
                hub.resume();
            }
        }
    }
}
