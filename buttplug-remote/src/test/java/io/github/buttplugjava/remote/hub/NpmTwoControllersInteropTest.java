package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.remote.testing.HubFixture;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two unmodified npm {@code buttplug} controllers (3.2.2 and 5.0.2 in turn), each with its own control token, in one
 * exclusive room: the second is refused with the holder's name while the first holds the toy, and
 * the first one's leaving stops what it set.
 */
class NpmTwoControllersInteropTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final DeviceGrant HALF = DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.upTo(0.5));

    private NodeInterop node;
    private HubFixture f;

    @BeforeEach
    void locateNode() {
        node = NodeInterop.locate();
    }

    @AfterEach
    void stopHub() throws Exception {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void inAnExclusiveRoomTheSecondNpmControllerIsToldWhoHoldsTheToyAndTheFirstsLeavingStopsIt(NpmClient client)
            throws Exception {
        f = new HubFixture(RemoteServer.builder().controllerMaxPingTime(Duration.ZERO));
        f.room.arbitration(ArbitrationPolicy.exclusive(Duration.ofSeconds(10)));
        RoomController second = f.room.addController("second", AccessToken.generate(), ControllerCeiling.NONE);
        SimulatedDevices alice = HubFixture.sims("lovense");
        f.agent("Alice", alice, HALF);
        SimulatedDevice hush = alice.devices().get(0);

        CompletableFuture<NpmClientRun> first = CompletableFuture.supplyAsync(() -> node.run(client,
                f.hub.controlUri(f.room.controllers().get(0)), "basic", RUN_LIMIT, "--devices=1", "--level=1",
                "--hold-ms=4000"));
        hush.awaitOutput(0, o -> o.value() == 10, WAIT);

        NpmClientRun refused = node.run(client, f.hub.controlUri(second), "basic", RUN_LIMIT,
                "--devices=1", "--level=1");
        assertThat(refused.succeeded()).as(refused.describe()).isFalse();
        assertThat(refused.step("error").orElseThrow().toString()).as(refused.describe())
                .contains("held by controller \\\"controller\\\"");
        assertThat(hush.outputs(0)).extracting(o -> o.value()).allMatch(v -> v <= 10);

        NpmClientRun holder = first.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(holder.succeeded()).as(holder.describe()).isTrue();
        hush.awaitStop(WAIT);
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
    }
}
