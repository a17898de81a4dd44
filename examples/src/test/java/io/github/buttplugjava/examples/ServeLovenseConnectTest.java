package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.btle.lovenseconnect.FakeLovenseApp;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code serve --lovense-connect HOST:PORT}: a Nora in a local stand-in for the Lovense app, driven by our client. */
class ServeLovenseConnectTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void servesTheToysOfTheLovenseApp() throws Exception {
        try (FakeLovenseApp app = FakeLovenseApp.start()) {
            app.toys("{" + FakeLovenseApp.toy("c1", "nora", 1, 80) + "}");
            try (ServedClient served = ServedClient.serve("lovense connect test client", "serve", "--port", "0",
                    "--lovense-connect", app.host().toString())) {
                ButtplugClientDevice toy = served.nextDevice("the Nora in the app was found", WAIT);
                assertThat(toy.name()).isEqualTo("Lovense Nora");

                toy.vibrate(0.5).get(10, TimeUnit.SECONDS);
                assertThat(app.nextCommand(WAIT)).isEqualTo(
                        "{\"command\":\"Function\",\"action\":\"Vibrate1:10\",\"timeSec\":0,\"toy\":\"c1\",\"apiVer\":1}");
            }
        }
    }

    @Test
    void aMalformedAddressIsAClearErrorWithExitStatus2() {
        CliRun run = CliRun.of("serve", "--port", "0", "--lovense-connect", "20010");
        assertThat(run.status()).as(run.printed()).isEqualTo(2);
        assertThat(run.printed()).contains("HOST:PORT");
    }
}
