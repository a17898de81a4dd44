package consumer.client;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connects to the server given as the first argument, scans, vibrates the first toy that can for a
 * moment, and prints what it did and how it was loaded (named module or class path, and whether
 * buttplug-core's internals are visible to it).
 */
public final class ClientApp {

    private ClientApp() {
    }

    public static void main(String[] args) throws Exception {
        Module self = ClientApp.class.getModule();
        Module core = ButtplugClient.class.getModule();
        System.out.println("named: " + self.isNamed() + " " + self.getName());
        System.out.println("core module: " + core.getName());
        System.out.println("core.internal open to app: " + core.isExported("io.github.buttplugjava.core.internal", self));

        ButtplugClient client = ButtplugClient.builder("consumer check").build();
        CompletableFuture<ButtplugClientDevice> vibrator = new CompletableFuture<>();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                if (device.hasOutput(OutputType.VIBRATE)) {
                    vibrator.complete(device);
                }
            }
        });
        client.connect(WebSocketConnector.to(URI.create(args[0]))).get(20, TimeUnit.SECONDS);
        try {
            client.startScanning().get(20, TimeUnit.SECONDS);
            ButtplugClientDevice toy = vibrator.get(20, TimeUnit.SECONDS);
            client.stopScanning().get(20, TimeUnit.SECONDS);
            toy.vibrate(0.5).get(20, TimeUnit.SECONDS);
            System.out.println("vibrated: " + toy.name());
            toy.stop().get(20, TimeUnit.SECONDS);
        } finally {
            client.disconnect().get(20, TimeUnit.SECONDS);
        }
        System.out.println("done");
    }
}
