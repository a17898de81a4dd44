package io.github.buttplugjava.examples.programs;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Our client as the controller of a hub's room; closing disconnects it. */
final class ControllerClient implements AutoCloseable {

    /** How long a connect, or the wait for a device, may take. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final ButtplugClient client;

    private ControllerClient(ButtplugClient client) {
        this.client = client;
    }

    /** Connects a controller to the room's control URI within {@link #WAIT}. */
    static ControllerClient connect(URI controlUri, String clientName) throws Exception {
        ButtplugClient client = ButtplugClient.builder(clientName).build();
        client.connect(WebSocketConnector.to(controlUri)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new ControllerClient(client);
    }

    /** Waits (bounded poll, {@link #WAIT}) for a device of the room whose name contains {@code part}. */
    ButtplugClientDevice awaitDevice(String part) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ButtplugClientDevice> devices = client.devices();
            Optional<ButtplugClientDevice> found = devices.stream().filter(d -> d.name().contains(part)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no device named like '" + part + "' among " + devices);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
