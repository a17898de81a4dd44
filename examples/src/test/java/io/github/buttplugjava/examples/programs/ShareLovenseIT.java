package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.btle.lovenseconnect.FakeLovenseApp;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedLovenseDongle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code buttplug share --lovense-dongle PORT --lovense-connect HOST:PORT} from the jar: the toy of
 * a scripted dongle on a pseudo-terminal and a toy of a local stand-in for the Lovense app are
 * shared together and driven by the room's controller through the hub.
 */
class ShareLovenseIT {

    private static final String SHARE = "share-token-for-lovense-0123456789";
    private static final String CONTROL = "control-token-for-lovense-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theDonglesToyAndTheAppsToyAreSharedAndDrivenThroughTheHub() throws Exception {
        try (SharingHub hub = SharingHub.start("lovense", SHARE, CONTROL);
             PtyPair pty = PtyPair.start();
             ScriptedLovenseDongle dongle = ScriptedLovenseDongle.open(pty.scriptPort(), "T1", "S:11:0082059AD3BD;", 90);
             FakeLovenseApp app = FakeLovenseApp.start()) {
            dongle.toyInRange();
            app.toys("{" + FakeLovenseApp.toy("c1", "nora", 1, 80) + "}");
            try (JarProcess share = JarProcess.start(hub.shareCommand("--alias", "Alice", "--log-level", "info",
                    "--lovense-dongle", pty.devicePort(), "--lovense-connect", app.host().toString()))) {
                share.awaitOut("Sharing as 'Alice' from Lovense dongle on " + Pattern.quote(pty.devicePort())
                        + " and Lovense Connect at " + Pattern.quote(app.host().toString()));
                share.awaitOut("Linked to the hub");
                try (ControllerClient controller = hub.controller("lovense share test")) {
                    ButtplugClientDevice lush = controller.awaitDevice("Lovense Lush");
                    ButtplugClientDevice nora = controller.awaitDevice("Lovense Nora");
                    assertThat(lush.name()).startsWith("Alice - ");

                    lush.vibrate(0.5).get(10, TimeUnit.SECONDS);
                    nora.vibrate(0.5).get(10, TimeUnit.SECONDS);

                    assertThat(dongle.awaitCommand("Vibrate:10;", WAIT)).contains("DeviceType;", "Vibrate:10;");
                    assertThat(app.nextCommand(WAIT)).contains("\"action\":\"Vibrate1:10\"");
                }
            }
        }
    }
}
