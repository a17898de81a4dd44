package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedSerialDevice;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code buttplug share --serial PORT=PROTOCOL} from the jar: a scripted OSR on a pseudo-terminal
 * is shared beside a simulated Bluetooth toy, both reach the room's controller, and the
 * controller's position command reaches the port as the exact TCode line.
 */
class ShareSerialIT {

    private static final String SHARE = "share-token-for-serial-0123456789";
    private static final String CONTROL = "control-token-for-serial-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aSerialToyIsSharedBesideABluetoothOneAndDrivenThroughTheHub() throws Exception {
        RemoteServer hub = RemoteServer.builder().host("127.0.0.1").port(0).build();
        Room room = hub.addRoom("serial", AccessToken.of(SHARE), AccessToken.of(CONTROL));
        hub.start();
        try (PtyPair pty = PtyPair.start();
             ScriptedSerialDevice osr = ScriptedSerialDevice.open(pty.scriptPort());
             JarProcess share = JarProcess.start("share", "--hub", hub.shareUri().toString(), "--token", SHARE,
                     "--alias", "Alice", "--log-level", "info", "--simulate", "lovense",
                     "--serial", pty.devicePort() + "=tcode-v03")) {
            share.awaitOut("Sharing as 'Alice' from simulated BLE toys: lovense and serial devices: "
                    + java.util.regex.Pattern.quote(pty.devicePort()) + "=tcode-v03");
            share.awaitOut("Linked to the hub");
            ButtplugClient controller = ButtplugClient.builder("serial share test").build();
            controller.connect(WebSocketConnector.to(hub.controlUri(room))).get(20, TimeUnit.SECONDS);
            try {
                ButtplugClientDevice stroker = awaitDevice(controller, "TCode");
                assertThat(awaitDevice(controller, "Lovense Hush").name()).startsWith("Alice - ");

                stroker.position(0.5, 400).get(10, TimeUnit.SECONDS);

                assertThat(osr.awaitTextEnding("L0500I400\n", WAIT)).endsWith("L0500I400\n");
            } finally {
                controller.disconnect();
            }
        } finally {
            hub.close();
        }
    }

    /** Waits (bounded poll) for a device of the room whose name contains {@code part}. */
    private static ButtplugClientDevice awaitDevice(ButtplugClient controller, String part) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<ButtplugClientDevice> devices = controller.devices();
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
}
