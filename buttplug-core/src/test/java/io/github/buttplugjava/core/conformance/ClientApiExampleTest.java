package io.github.buttplugjava.core.conformance;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/client-api.md, run as written. */
class ClientApiExampleTest {

    @Test
    void docsExampleRuns() throws Exception {
        // --- docs/client-api.md begins
        SimulatedDevices toys = SimulatedDevices.of("lovense", "wevibe");
        DeviceManager devices = new DeviceManager(List.of(toys));
        ButtplugServer server = ButtplugServer.builder(devices)
                .name("Example Server").maxPingTime(Duration.ofSeconds(2)).build();
        InProcessConnector.Pair pipe = InProcessConnector.pair();
        server.serve(pipe.server());

        ButtplugClient client = ButtplugClient.builder("Example App")
                .requestTimeout(Duration.ofSeconds(5)).build();
        CompletableFuture<Void> vibrated = new CompletableFuture<>();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                if (device.hasOutput(OutputType.VIBRATE)) {
                    device.vibrate(0.5)
                            .thenCompose(v -> device.battery())
                            .thenAccept(percent -> System.out.println(device.name() + " battery " + percent + "%"))
                            .whenComplete((v, error) -> {
                                if (error != null) {
                                    vibrated.completeExceptionally(error);
                                } else {
                                    vibrated.complete(null);
                                }
                            });
                }
            }

            @Override
            public void disconnected(Throwable cause) {
                System.out.println("disconnected: " + cause);
            }
        });
        client.connect(pipe.client())
                .thenCompose(v -> client.startScanning())
                .get(5, TimeUnit.SECONDS);
        vibrated.get(5, TimeUnit.SECONDS);

        ButtplugClientDevice hush = client.devices().get(0);
        hush.subscribe(InputType.BATTERY, percent -> System.out.println("battery now " + percent));
        client.stopAll().thenCompose(v -> client.disconnect()).get(5, TimeUnit.SECONDS);
        devices.close();
        // --- docs/client-api.md ends
        assertThat(toys.device("lovense").outputs(0)).isNotEmpty();
    }
}
