package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedSerialDevice;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
        try (SharingHub hub = SharingHub.start("serial", SHARE, CONTROL);
             PtyPair pty = PtyPair.start();
             ScriptedSerialDevice osr = ScriptedSerialDevice.open(pty.scriptPort());
             JarProcess share = JarProcess.start(hub.shareCommand("--alias", "Alice", "--log-level", "info",
                     "--simulate", "lovense", "--serial", pty.devicePort() + "=tcode-v03"))) {
            share.awaitOut("Sharing as 'Alice' from simulated BLE toys: lovense and serial devices: "
                    + Pattern.quote(pty.devicePort()) + "=tcode-v03");
            share.awaitOut("Linked to the hub");
            try (ControllerClient controller = hub.controller("serial share test")) {
                ButtplugClientDevice stroker = controller.awaitDevice("TCode");
                assertThat(controller.awaitDevice("Lovense Hush").name()).startsWith("Alice - ");

                stroker.position(0.5, 400).get(10, TimeUnit.SECONDS);

                assertThat(osr.awaitTextEnding("L0500I400\n", WAIT)).endsWith("L0500I400\n");
            }
        }
    }
}
