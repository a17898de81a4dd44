package io.github.buttplugjava.remote.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.interop.LegacyNodePeer;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A real buttplug-js 0.13.2 forwarder (in node, sharing the package's own test vibrator and
 * rotator) shares into our hub: controllers of every kind (ours, npm 3.2.2 and 5.0.2, and 0.13.2
 * itself, by the control URL or password-first) see its devices under its alias, and the room's
 * legacy grant caps what the 0.13 toys receive. When the forwarder's socket closes, its devices
 * leave at once; when it freezes, they leave once it stops answering the hub's WebSocket pings.
 */
class ForwarderInteropTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String VIBRATOR = "Alice - Test Device - Test Vibration Device";
    private static final String ROTATOR = "Alice - Test Device - Test Rotation Device";
    /** Vibrate and rotate up to 40%: a full command reaches the 0.13 toy as 0.4. */
    private static final DeviceGrant GRANT = DeviceGrant.none()
            .withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.4))
            .withOutput(OutputType.ROTATE, OutputGrant.upTo(0.4));

    private NodeInterop node;
    private HubFixture hub;
    private LegacyNodePeer forwarder;

    @BeforeEach
    void locateNode() {
        node = NodeInterop.locateLegacy();
    }

    @AfterEach
    void stop() throws Exception {
        if (forwarder != null) {
            forwarder.close();
        }
        if (hub != null) {
            hub.close();
        }
    }

    private void startHub(RemoteServerBuilder settings) throws Exception {
        hub = new HubFixture(settings.controllerMaxPingTime(Duration.ZERO));
    }

    private URI forwarderUri() {
        return URI.create("ws://127.0.0.1:" + hub.hub.port() + RemoteServer.DEFAULT_FORWARDER_PATH);
    }

    /** The 0.13 forwarder, sample-app style: the share token as its first frame, answered ok. */
    private void share(String devices) throws Exception {
        share(devices, devices.split(",").length);
    }

    private void share(String devices, int shown) throws Exception {
        forwarder = LegacyNodePeer.start(node, "forwarder", LIMIT, forwarderUri().toString(), "--name=Alice",
                "--password=" + HubFixture.SHARE, "--devices=" + devices);
        forwarder.awaitStep("shared", WAIT);
        hub.awaitRoomDevices(shown);
    }

    private List<Double> vibrations() {
        return forwarder.steps("vibrate").stream().map(s -> s.path("speed").asDouble()).toList();
    }

    @Test
    void ourControllerSeesTheForwardersDevicesUnderItsAliasAndTheLegacyGrantCapsTheToy() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator,rotator");
        HubFixture.Controller c = hub.controller();

        ButtplugClientDevice vibrator = c.device(VIBRATOR);
        ButtplugClientDevice rotator = c.device(ROTATOR);
        assertThat(hub.room.agents()).containsExactly("Alice");
        vibrator.vibrate(1.0).get(5, TimeUnit.SECONDS);
        rotator.rotate(1.0, true).get(5, TimeUnit.SECONDS);

        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
        forwarder.awaitStep("rotate", s -> s.path("speed").asDouble() > 0, WAIT);
        assertThat(vibrations()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.4)).contains(0.4);
        assertThat(forwarder.steps("rotate")).allSatisfy(r -> assertThat(r.path("speed").asDouble()).isLessThanOrEqualTo(0.4));

        vibrator.stop().get(5, TimeUnit.SECONDS);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() == 0, WAIT);
    }

    @Test
    void theDefaultLegacyGrantSharesVibrationAtHalfStrengthOnly() throws Exception {
        startHub(RemoteServer.builder());
        share("vibrator,rotator", 1);
        HubFixture.Controller c = hub.controller();

        ButtplugClientDevice vibrator = c.device(VIBRATOR);
        vibrator.vibrate(1.0).get(5, TimeUnit.SECONDS);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
        assertThat(vibrations()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.5)).contains(0.5);
        // the rotator has nothing the default grant shares: it is not shown at all
        assertThat(c.client.devices()).extracting(ButtplugClientDevice::name).containsExactly(VIBRATOR);
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void npmControllersDriveTheForwardedToyWithinTheGrant(NpmClient client) throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator");
        NpmClientRun run = node.run(client, hub.hub.controlUri(hub.room), "basic", LIMIT, "--devices=1", "--level=1");

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        assertThat(run.devices()).extracting(d -> d.path("name").asText()).containsExactly(VIBRATOR);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
        assertThat(vibrations()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.4)).contains(0.4);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() == 0, WAIT);
    }

    @Test
    void aLegacyControllerDrivesTheForwardedToyByTheControlUrl() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator");
        try (LegacyNodePeer controller = LegacyNodePeer.start(node, "controller", LIMIT,
                hub.hub.controlUri(hub.room).toString(), "--devices=1", "--level=1")) {
            JsonNode devices = controller.awaitStep("devices", WAIT);
            assertThat(devices.path("devices").get(0).path("name").asText()).isEqualTo(VIBRATOR);
            controller.awaitStep("done", WAIT);
        }
        assertThat(vibrations()).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.4)).contains(0.4);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() == 0, WAIT);
    }

    @Test
    void aPasswordFirstLegacyControllerConnectsWithTheControlToken() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT).passwordFirstControllers(true));
        share("vibrator");
        String root = "ws://127.0.0.1:" + hub.hub.port() + "/";
        try (LegacyNodePeer wrong = LegacyNodePeer.start(node, "controller", LIMIT, root, "--password=not-the-token")) {
            wrong.awaitStep("error", WAIT);
        }
        try (LegacyNodePeer controller = LegacyNodePeer.start(node, "controller", LIMIT, root,
                "--password=" + HubFixture.CONTROL, "--devices=1", "--level=1")) {
            controller.awaitStep("done", WAIT);
        }
        assertThat(vibrations()).contains(0.4).allSatisfy(v -> assertThat(v).isLessThanOrEqualTo(0.4));
    }

    @Test
    void aForwarderWithTheTokenInItsPathNeedsNoPassword() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        forwarder = LegacyNodePeer.start(node, "forwarder", LIMIT,
                forwarderUri() + "/" + HubFixture.SHARE, "--name=Alice", "--devices=vibrator");
        forwarder.awaitStep("shared", WAIT);
        hub.awaitRoomDevices(1);
        hub.controller().device(VIBRATOR).vibrate(0.2).get(5, TimeUnit.SECONDS);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
    }

    @Test
    void aForwarderWithAWrongPasswordIsTurnedAway() throws Exception {
        startHub(RemoteServer.builder());
        forwarder = LegacyNodePeer.start(node, "forwarder", LIMIT, forwarderUri().toString(), "--password=wrong");
        forwarder.awaitStep("error", WAIT);
        assertThat(hub.room.devices().devices()).isEmpty();
    }

    @Test
    void whenTheControllersConnectionIsCutTheForwardedToyIsStopped() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator");
        WebSocketConnector link = WebSocketConnector.to(hub.hub.controlUri(hub.room));
        HubFixture.Controller c = hub.controller(link);
        c.device(VIBRATOR).vibrate(1.0).get(5, TimeUnit.SECONDS);
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() > 0, WAIT);
        assertThat(forwarder.steps("vibrate")).noneMatch(s -> s.path("speed").asDouble() == 0);

        link.close(); // the socket goes without the controller stopping anything
        forwarder.awaitStep("vibrate", s -> s.path("speed").asDouble() == 0, WAIT);
    }

    @Test
    void theForwardersDevicesLeaveTheMomentItsSocketCloses() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator,rotator");
        HubFixture.Controller c = hub.controller();
        c.device(VIBRATOR);
        c.device(ROTATOR);
        c.events.clear();

        forwarder.kill();
        assertThat(List.of(c.next(2000), c.next(2000))).containsExactlyInAnyOrder("removed " + VIBRATOR,
                "removed " + ROTATOR);
        assertThat(hub.room.agents()).isEmpty();
    }

    @Test
    void aFrozenForwardersDevicesLeaveWhenItStopsAnsweringTheHubsPings() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator");
        HubFixture.Controller c = hub.controller();
        c.device(VIBRATOR);
        c.events.clear();

        forwarder.suspend(); // its socket stays open, but nothing answers the hub's WebSocket pings
        try {
            // keepalive: a ping each second, closed after 3 s of silence
            assertThat(c.next(8000)).isEqualTo("removed " + VIBRATOR);
            assertThat(hub.room.agents()).isEmpty();
        } finally {
            forwarder.resume();
        }
    }

    @Test
    void anUnsharedDeviceLeavesAndTheAliasIsFreeAgainAfterTheForwarderLeaves() throws Exception {
        startHub(RemoteServer.builder().legacyGrant(GRANT));
        share("vibrator");
        HubFixture.Controller c = hub.controller();
        c.device(VIBRATOR);
        c.events.clear();
        forwarder.send("unshare");
        assertThat(c.next(5000)).isEqualTo("removed " + VIBRATOR);
        forwarder.send("close");
        forwarder.awaitStep("closed", WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!hub.room.agents().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // bounded poll until the hub has seen the close
        }
        assertThat(hub.room.agents()).isEmpty();
    }
}
