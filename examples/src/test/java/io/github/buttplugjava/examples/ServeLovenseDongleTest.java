package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedLovenseDongle;
import java.time.Duration;
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
            try (ServedClient served = ServedClient.serve("dongle test client", "serve", "--port", "0",
                    "--lovense-dongle", pty.devicePort())) {
                ButtplugClientDevice toy = served.nextDevice("the dongle's Lush was found", WAIT);
                assertThat(toy.name()).isEqualTo("Lovense Lush");

                toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
                assertThat(dongle.awaitCommand("Vibrate:10;", WAIT)).containsExactly("DeviceType;", "Vibrate:10;");
            }
            // written before the port closed; the scripted dongle may still be reading it
            assertThat(dongle.awaitCommand("Vibrate:0;", WAIT)).endsWith("Vibrate:10;", "Vibrate:0;");
        }
    }
}
