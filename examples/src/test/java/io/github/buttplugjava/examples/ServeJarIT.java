package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code java -jar target/buttplug.jar serve --port 0 --simulate lovense} (a BLE-simulated
 * Lovense behind the real Lovense protocol handler) as its own process, as a user would, and drives
 * it with our own client ({@link ServeJarNpmIT} does the same with the
 * npm clients).
 */
class ServeJarIT {

    private static final Pattern LISTENING = Pattern.compile("ServeCommand - .*listening on (ws://\\S+/)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private Process serve;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private URI uri;

    @BeforeEach
    void startTheJar() throws Exception {
        Path jar = Path.of("target", "buttplug.jar").toAbsolutePath();
        assertThat(jar).as("run after `package`").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        serve = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve", "--port", "0",
                "--simulate", "lovense", "--name", "jar it")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("output ended: " + e);
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        String line = awaitLine(LISTENING);
        Matcher m = LISTENING.matcher(line);
        assertThat(m.find()).isTrue();
        uri = URI.create(m.group(1));
    }

    @AfterEach
    void stopTheJar() throws Exception {
        if (serve.isAlive()) {
            serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The first output line (seen before or arriving within 20 s) that matches. */
    private String awaitLine(Pattern pattern) throws InterruptedException {
        for (String line : seen) {
            if (pattern.matcher(line).find()) {
                return line;
            }
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = output.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            if (pattern.matcher(line).find()) {
                return line;
            }
        }
        throw new AssertionError("no output line matching " + pattern + "; got:\n" + String.join("\n", seen));
    }

    @Test
    void ourClientDrivesTheJarAndSigtermStopsTheToy() throws Exception {
        BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
        CompletableFuture<Throwable> disconnected = new CompletableFuture<>();
        ButtplugClient client = ButtplugClient.builder("jar it").build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                added.add(device);
            }

            @Override
            public void disconnected(Throwable cause) {
                disconnected.complete(cause);
            }
        });
        client.connect(WebSocketConnector.to(uri)).get(20, TimeUnit.SECONDS);
        assertThat(client.serverInfo()).hasValueSatisfying(i -> assertThat(i.serverName()).isEqualTo("jar it"));
        client.startScanning().get(20, TimeUnit.SECONDS);
        ButtplugClientDevice toy = added.poll(20, TimeUnit.SECONDS);
        assertThat(toy).isNotNull();
        toy.vibrate(0.5).get(20, TimeUnit.SECONDS);
        // the BLE-simulated Lovense logs each command it receives from the real Lovense handler
        awaitLine(Pattern.compile("sim Lovense Hush: Vibrate:10;"));

        // SIGTERM runs the same shutdown hook as Ctrl-C; via the handle, so our end of the pipe stays open
        assertThat(serve.toHandle().destroy()).isTrue();

        assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("the server exits").isTrue();
        disconnected.get(20, TimeUnit.SECONDS);
        awaitLine(Pattern.compile("Stopping: closing clients and stopping devices"));
        awaitLine(Pattern.compile("sim Lovense Hush: Vibrate:0;"));
    }
}
