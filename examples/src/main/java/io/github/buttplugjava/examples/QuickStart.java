package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connects to a Buttplug server (Intiface, or {@code buttplug serve}), lists its devices and
 * vibrates the first toy that can vibrate for one second. The server's address is the first
 * argument, by default {@code ws://127.0.0.1:12345}.
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the quick start.
     *
     * @param args an optional server address, such as {@code ws://127.0.0.1:12345}
     * @throws Exception when the server cannot be reached, has no toy that vibrates, or refuses the command
     */
    public static void main(String[] args) throws Exception {
        URI server = URI.create(args.length > 0 ? args[0] : "ws://127.0.0.1:12345");
        ButtplugClient client = ButtplugClient.builder("Quick Start").build();

        // Devices arrive as events, on the client's own thread: don't block in a listener.
        CompletableFuture<ButtplugClientDevice> vibrator = new CompletableFuture<>();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                if (device.hasOutput(OutputType.VIBRATE)) {
                    vibrator.complete(device);
                }
            }
        });

        // Every call returns a CompletableFuture; get() waits for it (a failure is a ButtplugException).
        client.connect(WebSocketConnector.to(server)).get(10, TimeUnit.SECONDS);
        try {
            client.startScanning().get(10, TimeUnit.SECONDS);
            ButtplugClientDevice toy = vibrator.get(30, TimeUnit.SECONDS);
            client.stopScanning().get(10, TimeUnit.SECONDS);

            for (ButtplugClientDevice device : client.devices()) {
                System.out.println(device.index() + ": " + device.name());
            }

            System.out.println("Vibrating " + toy.name() + " at 50% for one second");
            toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
            Thread.sleep(1000);
            toy.stop().get(10, TimeUnit.SECONDS);
        } finally {
            client.disconnect().get(10, TimeUnit.SECONDS);
        }
    }
}
