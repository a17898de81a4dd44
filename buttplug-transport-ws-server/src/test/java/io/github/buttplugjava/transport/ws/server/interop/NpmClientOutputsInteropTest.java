package io.github.buttplugjava.transport.ws.server.interop;

import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every output type the simulated catalogue has (vibrate, constrict, rotate, oscillate, position,
 * position with duration), driven at 75% by the real npm clients: v3's ScalarCmd / RotateCmd /
 * LinearCmd go through our v3 conversion ({@code ceil(0.75 * steps)}), v4's OutputCmd carries the
 * value 5.0.2 computed itself ({@code ceil(min + (max - min) * 0.75)}, over the signed range for
 * rotation).
 */
class NpmClientOutputsInteropTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private NodeInterop node;
    private SimulatedDevices sim;
    private DeviceManager devices;
    private ButtplugWebSocketServer server;

    @BeforeEach
    void startServer() throws Exception {
        node = NodeInterop.locate();
        sim = SimulatedDevices.of("max", "rotator", "stroker", "oscillator");
        devices = DeviceManager.of(sim);
        ButtplugServer buttplug = ButtplugServer.builder(devices).maxPingTime(Duration.ZERO).build();
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
    void everyOutputTypeArrivesScaledAsTheClientMeansIt(NpmClient client) {
        NpmClientRun run = node.run(client, server.uri(), "all", RUN_LIMIT,
                "--devices=4", "--level=0.75", "--duration-ms=500");

        assertThat(run.succeeded()).as(run.describe()).isTrue();
        boolean v3 = client.specVersion() == 3;
        String context = run.describe();

        SimulatedDevice max = sim.device("max");
        assertReceived(max, 0, OutputCommand.of(OutputType.VIBRATE, 15), context);
        assertReceived(max, 1, OutputCommand.of(OutputType.CONSTRICT, 3), context);

        // v3 lists the rotator under ScalarCmd (ActuatorType Rotate) and RotateCmd, and the client sends
        // both: each 0.75 -> +15 (clockwise). v4: percent 0.75 of -20..20 -> ceil(-20 + 30) = 10, once.
        SimulatedDevice rotator = sim.device("rotator");
        assertReceived(rotator, 0, OutputCommand.of(OutputType.ROTATE, v3 ? 15 : 10), v3 ? 2 : 1, context);

        SimulatedDevice oscillator = sim.device("oscillator");
        assertReceived(oscillator, 0, OutputCommand.of(OutputType.OSCILLATE, 15), context);

        SimulatedDevice stroker = sim.device("stroker");
        // v3: LinearCmd -> HwPositionWithDuration, ScalarCmd (ActuatorType Position) -> Position
        assertReceived(stroker, 0, OutputCommand.positionWithDuration(75, 500), context);
        assertReceived(stroker, 0, OutputCommand.of(OutputType.POSITION, 75), context);

        for (SimulatedDevice toy : List.of(max, rotator, oscillator, stroker)) {
            toy.awaitStop(WAIT);
        }
        assertThat(run.steps("stop")).hasSize(4);
    }

    private static void assertReceived(SimulatedDevice toy, int feature, OutputCommand expected, String context) {
        assertReceived(toy, feature, expected, 1, context);
    }

    /** The toy got exactly {@code times} commands of that output type on that feature, each equal to expected. */
    private static void assertReceived(SimulatedDevice toy, int feature, OutputCommand expected, int times,
                                       String context) {
        toy.awaitOutput(feature, c -> c.type() == expected.type(), WAIT);
        assertThat(toy.outputs(feature)).filteredOn(c -> c.type() == expected.type())
                .as(toy.name() + " feature " + feature + "; toy got " + toy.commands() + "\n" + context)
                .hasSize(times)
                .containsOnly(expected);
    }
}
