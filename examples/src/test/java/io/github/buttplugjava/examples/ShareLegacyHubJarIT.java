package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.testsupport.interop.LegacyNodePeer;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar buttplug.jar share --legacy-hub} as its own process shares a BLE-simulated
 * Lovense (real Lovense handler) into a minimal buttplug-js 0.13.2 hub in node
 * ({@code interop/node/legacy.cjs hub}, password first); a 0.13 controller drives it within the
 * grant, and the toy stops when that hub dies. Runs under failsafe, after the jar is built.
 */
class ShareLegacyHubJarIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "sharer-password";

    @Test
    void shareLegacyHubIsDrivenByALegacyControllerAndStopsWhenTheHubDies() throws Exception {
        NodeInterop node = NodeInterop.locateLegacy();
        Path jar = Path.of("target", "buttplug.jar").toAbsolutePath();
        assertThat(jar).as("build it first: mvn -pl examples -am package").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        try (LegacyNodePeer hub = LegacyNodePeer.start(node, "hub", Duration.ofSeconds(60), "--port=0",
                "--password=" + PASSWORD)) {
            int port = hub.awaitStep("listening", WAIT).path("port").asInt();
            Process share = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "share",
                    "--legacy-hub", "ws://127.0.0.1:" + port + "/forwarder", "--password", PASSWORD,
                    "--alias", "Alice", "--simulate", "lovense", "--max", "vibrate=0.5", "--max-ping-ms", "1000",
                    "--log-level", "info") // the simulated toy logs what it receives at info; share logs warnings by default
                    .redirectErrorStream(true).start();
            ProcessOutput output = new ProcessOutput("share", share);
            try {
                output.await(l -> l.contains("Linked to the hub"), WAIT);
                hub.awaitStep("forwarder", WAIT);
                try (LegacyNodePeer controller = LegacyNodePeer.start(node, "controller", Duration.ofSeconds(40),
                        "ws://127.0.0.1:" + port + "/", "--password=" + PASSWORD, "--devices=1", "--level=1",
                        "--hold-ms=30000")) {
                    assertThat(controller.awaitStep("devices", WAIT).path("devices").get(0).path("name").asText())
                            .isEqualTo("Alice - Lovense Hush");
                    controller.awaitStep("vibrate", WAIT);
                    // the controller's 100 % is the granted 50 %: Lovense level 10 of 20
                    output.await(l -> l.contains("sim Lovense Hush: Vibrate:10;"), WAIT);
                    int before = output.count();

                    hub.kill();
                    output.awaitFrom(before, l -> l.contains("sim Lovense Hush: Vibrate:0;"), Duration.ofSeconds(5));
                    output.awaitFrom(before, l -> l.contains("every toy is stopped"), WAIT);
                }
            } finally {
                share.destroy();
                if (!share.waitFor(10, TimeUnit.SECONDS)) {
                    share.destroyForcibly();
                    share.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
