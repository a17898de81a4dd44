package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedLovenseDongle;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --lovense-dongle PORT}: a scripted Lovense USB dongle on a pseudo-terminal finds a
 * Lush, which our client drives over WebSocket; closing the server stops it first.
 */
class ServeLovenseDongleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void servesTheToyOfAScriptedDongle() throws Exception {
        try (PtyPair pty = PtyPair.start();
             ScriptedLovenseDongle dongle = ScriptedLovenseDongle.open(pty.scriptPort(), "T1", "S:11:0082059AD3BD;", 90)) {
            dongle.toyInRange();
            ServeCommand serve = (ServeCommand) Cli.commandLine().parseArgs("serve", "--port", "0",
                    "--lovense-dongle", pty.devicePort()).subcommand().commandSpec().userObject();
            ServeCommand.Running running = serve.start();
            BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
            ButtplugClient client = ButtplugClient.builder("dongle test client").build();
            client.addListener(new ButtplugClientListener() {
                @Override
                public void deviceAdded(ButtplugClientDevice device) {
                    added.add(device);
                }
            });
            try {
                client.connect(WebSocketConnector.to(running.server.uri())).get(10, TimeUnit.SECONDS);
                client.startScanning().get(10, TimeUnit.SECONDS);
                ButtplugClientDevice toy = added.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(toy).as("the dongle's Lush was found").isNotNull();
                assertThat(toy.name()).isEqualTo("Lovense Lush");

                toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
                assertThat(dongle.awaitCommand("Vibrate:10;", WAIT)).containsExactly("DeviceType;", "Vibrate:10;");
            } finally {
                client.disconnect();
                running.stop();
            }
            // written before the port closed; the scripted dongle may still be reading it
            assertThat(dongle.awaitCommand("Vibrate:0;", WAIT)).endsWith("Vibrate:10;", "Vibrate:0;");
        }
    }
}
