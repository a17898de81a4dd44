package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedSerialDevice;
import io.github.buttplugjava.testsupport.interop.NodeInterop;
import io.github.buttplugjava.testsupport.interop.NpmClient;
import io.github.buttplugjava.testsupport.interop.NpmClientRun;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 15's check: {@code java -jar buttplug.jar serve --serial /dev/pts/N=tcode-v03} as a separate
 * process drives a scripted OSR on a pseudo-terminal from the unmodified npm clients (spec v3 and
 * v4); the OSR records the exact TCode lines. Runs under failsafe, after the jar is built.
 */
class ServeSerialJarNpmIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");

    @ParameterizedTest
    @EnumSource(NpmClient.class)
    void npmClientDrivesAScriptedOsrThroughServeSerial(NpmClient client) throws Exception {
        NodeInterop node = NodeInterop.locate();
        Path jar = Path.of("target", "buttplug.jar").toAbsolutePath();
        assertThat(jar).as("build it first: mvn -pl examples -am package").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        try (PtyPair pty = PtyPair.start(); ScriptedSerialDevice osr = ScriptedSerialDevice.open(pty.scriptPort())) {
            Process serve = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve", "--port", "0",
                    "--serial", pty.devicePort() + "=tcode-v03").redirectErrorStream(true).start();
            ProcessOutput output = new ProcessOutput("serve", serve);
            try {
                Matcher listening = LISTENING.matcher(output.await(l -> LISTENING.matcher(l).find(), WAIT));
                assertThat(listening.find()).isTrue();
                URI uri = URI.create(listening.group(1));

                NpmClientRun run = node.run(client, uri, "all", Duration.ofSeconds(30), "--level=0.5",
                        "--duration-ms=400");

                assertThat(run.succeeded()).as(run.describe() + "\nserver:\n" + output.text()).isTrue();
                assertThat(run.devices()).singleElement().satisfies(d ->
                        assertThat(d.path("name").asText()).isEqualTo("TCode v0.3 (Single Linear Axis)"));
                // LinearCmd (v3) / OutputCmd HwPositionWithDuration (v4) at 0.5 over 400 ms, as TCode
                String received = new String(osr.await(b -> new String(b, StandardCharsets.US_ASCII)
                        .contains("L0500I400\n"), WAIT), StandardCharsets.US_ASCII);
                assertThat(received).as("TCode lines the OSR received").contains("L0500I400\n").endsWith("\n");

                serve.destroy();
                assertThat(serve.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .as("serve exits on SIGTERM; it printed:\n" + output.text()).isTrue();
            } finally {
                if (serve.isAlive()) {
                    serve.destroyForcibly();
                    serve.waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
