package io.github.buttplugjava.transport.ws.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The example of docs/transport-ws.md, kept compiling and running. */
class TransportWsExampleTest {

    @Test
    void theDocumentedExampleRuns() throws Exception {
        // --- docs/transport-ws.md: server ---
        SimulatedDevices toys = SimulatedDevices.of("lovense");
        DeviceManager devices = DeviceManager.of(toys);
        ButtplugServer buttplug = ButtplugServer.builder(devices)
                .name("My Server").maxPingTime(Duration.ofSeconds(2)).build();
        ButtplugWebSocketServer server = ButtplugWebSocketServer.builder(buttplug)
                .port(0)                      // 12345 like Intiface; 0 = any free port
                .start();                     // 127.0.0.1 only, unless .host(...)
        URI address = server.uri();           // ws://127.0.0.1:<port>/

        // --- docs/transport-ws.md: client ---
        ButtplugClient client = ButtplugClient.builder("My App").build();
        CompletableFuture<Void> vibrated = new CompletableFuture<>();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                device.vibrate(0.5).whenComplete((ok, error) -> {
                    if (error != null) {
                        vibrated.completeExceptionally(error);
                    } else {
                        vibrated.complete(null);
                    }
                });
            }
        });
        client.connect(WebSocketConnector.builder(address)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build())
                .thenCompose(ok -> client.startScanning())
                .get(10, TimeUnit.SECONDS);
        vibrated.get(10, TimeUnit.SECONDS);

        client.disconnect().get(10, TimeUnit.SECONDS);   // the server stops what this client drove
        server.close();                                   // closes every client, stops every device
        devices.close();
        // --- end ---

        assertThat(toys.device("lovense").outputs(0)).anySatisfy(c -> assertThat(c.value()).isEqualTo(10));
    }
}
