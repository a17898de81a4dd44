package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.buttplugjava.btle.fakebluez.FakeBluez;
import io.github.buttplugjava.btle.fakebluez.FakeBluezExtension;
import io.github.buttplugjava.btle.fakebluez.RecordedWrite;
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
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code java -jar target/buttplug.jar serve --ble bluez --bus ADDRESS} (and {@code --ble tinyb} with
 * {@code $DBUS_SYSTEM_BUS_ADDRESS}) as its own process, against
 * the project's fake BlueZ (buttplug-device-btle's {@code fake_bluez.py}) on a private dbus-daemon:
 * our client scans, vibrates the Lovense-like toy and reads its battery, and the exact bytes arrive
 * at the fake service; SIGTERM stops the toy. Skips, saying why, when dbus-daemon or the Python D-Bus
 * bindings are missing, except under {@code CI=true}, where that fails.
 */
class ServeBluezJarIT {

    private static final Pattern LISTENING = Pattern.compile("ServeCommand - .*listening on (ws://\\S+/)");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOVENSE_TX = "5a300002-0023-4bd4-bbd5-a6920e4c5653";

    private FakeBluez fake;
    private Process serve;
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    /** Starts the fake BlueZ and {@code serve --ble <backend>} on its bus. */
    private void start(String backend) throws Exception {
        Optional<String> missing = FakeBluez.missingTools();
        if (missing.isPresent() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but the fake BlueZ cannot run: " + missing.get()
                    + " (.ci/run must install dbus-daemon, python3-dbus and python3-gi)");
        }
        assumeTrue(missing.isEmpty(), () -> "skipping serve --ble bluez against the fake BlueZ: " + missing.orElse(""));
        fake = FakeBluez.start(FakeBluezExtension.socket(), Optional.of(List.of(
                "--device", "lovense," + FakeBluez.LOVENSE, "--device", "wevibe," + FakeBluez.WEVIBE)));

        Path jar = Path.of("target", "buttplug.jar").toAbsolutePath();
        assertThat(jar).as("run after `package`").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> args = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "serve", "--port", "0",
                "--ble", backend, "--name", "bluez it"));
        ProcessBuilder command = new ProcessBuilder(args).redirectErrorStream(true);
        if (backend.equals("bluez")) {
            args.addAll(List.of("--bus", fake.address()));
            command.command(args);
            command.environment().remove("DBUS_SYSTEM_BUS_ADDRESS"); // --bus alone must lead the way
        } else {
            command.environment().put("DBUS_SYSTEM_BUS_ADDRESS", fake.address()); // TinyB's only way
        }
        serve = command.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
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
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (fake != null) {
            fake.close();
        }
    }

    /** The first output line (seen before or arriving within {@link #WAIT}) that matches. */
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

    /** Waits (bounded poll of the fake's record) until the Lovense-like toy received {@code text} on tx. */
    private RecordedWrite awaitWrite(String text) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<RecordedWrite> writes = List.of();
        while (System.nanoTime() < deadline) {
            writes = fake.control().GetWrites(FakeBluez.LOVENSE);
            for (RecordedWrite w : writes) {
                if (w.text().equals(text)) {
                    return w;
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        List<String> got = new ArrayList<>();
        writes.forEach(w -> got.add(w.describe()));
        throw new AssertionError("the fake Lovense never received " + text + "; it received " + got
                + "\nserve printed:\n" + String.join("\n", seen));
    }

    @ParameterizedTest(name = "serve --ble {0}")
    @ValueSource(strings = {"bluez", "tinyb"})
    void ourClientDrivesTheFakeLovenseThroughTheJar(String backend) throws Exception {
        start(backend);
        Matcher listening = LISTENING.matcher(awaitLine(LISTENING));
        assertThat(listening.find()).isTrue();
        URI uri = URI.create(listening.group(1));

        BlockingQueue<ButtplugClientDevice> added = new LinkedBlockingQueue<>();
        ButtplugClient client = ButtplugClient.builder("bluez it").build();
        client.addListener(new ButtplugClientListener() {
            @Override
            public void deviceAdded(ButtplugClientDevice device) {
                added.add(device);
            }
        });
        try {
            client.connect(WebSocketConnector.to(uri)).get(20, TimeUnit.SECONDS);
            client.startScanning().get(20, TimeUnit.SECONDS);
            ButtplugClientDevice lovense = null;
            List<String> names = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (lovense == null && System.nanoTime() < deadline) {
                ButtplugClientDevice d = added.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (d == null) {
                    break;
                }
                names.add(d.name());
                if (d.name().equals("Lovense Hush")) {
                    lovense = d;
                }
            }
            assertThat(lovense).as("the fake LVS-Z36 found as a Lovense Hush; devices: %s\nserve printed:\n%s",
                    names, String.join("\n", seen)).isNotNull();

            lovense.vibrate(0.5).get(20, TimeUnit.SECONDS);
            RecordedWrite vibrate = awaitWrite("Vibrate:10;");
            assertThat(vibrate.characteristic).isEqualToIgnoringCase(LOVENSE_TX);
            assertThat(vibrate.data).isEqualTo("Vibrate:10;".getBytes(StandardCharsets.US_ASCII));
            // Lovense writes without response; TinyB cannot say so (BlueZ gets no write type)
            assertThat(vibrate.type).isEqualTo(backend.equals("bluez") ? "command" : "");

            // the fake answers Vibrate with a late "OK;" on rx: the battery read must skip it
            assertThat(lovense.battery().get(20, TimeUnit.SECONDS)).isEqualTo(85);
            awaitWrite("Battery;");

            // SIGTERM runs the same shutdown hook as Ctrl-C; via the handle, so our end of the pipe stays open
            fake.control().ClearWrites(FakeBluez.LOVENSE);
            assertThat(serve.toHandle().destroy()).isTrue();
            assertThat(serve.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the server exits").isTrue();
            awaitWrite("Vibrate:0;");
            fake.awaitAllDisconnected(Duration.ofSeconds(10));
        } finally {
            client.disconnect();
        }
    }
}
