package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.sim.SimulatedBle;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.core.sim.SimulatedToy;
import io.github.buttplugjava.transport.ws.ButtplugWebSocketServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code buttplug serve}: a Buttplug WebSocket server like Intiface Engine, over simulated toys.
 * Ctrl-C closes every client (each session stops what it drove), stops every device and exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a Buttplug server (spec v0..v4) on a WebSocket, like Intiface Engine.",
                "Clients connect to ws://HOST:PORT (for example the npm 'buttplug' client or Intiface apps).",
                "Ctrl-C stops every device and exits."})
public final class ServeCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    /** Environment variable holding the TLS keystore password (never on the command line). */
    static final String TLS_PASSWORD_ENV = "BUTTPLUG_TLS_PASSWORD";

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 for every interface, with TLS).")
    String host;

    @Option(names = "--port", defaultValue = "12345", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--simulate", split = ",", paramLabel = "TOY", completionCandidates = SimulatedToyNames.class,
            description = "Simulated toys to serve, comma separated; found by a scan. One of: ${COMPLETION-CANDIDATES}.")
    List<String> simulate = new ArrayList<>();

    @Option(names = "--simulate-ble", split = ",", paramLabel = "TOY", completionCandidates = SimulatedBleToyNames.class,
            description = "Simulated BLE toys, driven through the real protocol handlers (device configuration, "
                    + "handshake, command bytes); found by a scan. One of: ${COMPLETION-CANDIDATES}.")
    List<String> simulateBle = new ArrayList<>();

    @Option(names = "--max-ping-ms", defaultValue = "0",
            description = "MaxPingTime in ms: clients must ping this often or their devices stop (default: ${DEFAULT-VALUE} = off).")
    long maxPingMs;

    @Option(names = "--handshake-timeout-ms", defaultValue = "30000",
            description = "Close clients that have not sent RequestServerInfo within this many ms (default: ${DEFAULT-VALUE}; 0 = never).")
    long handshakeTimeoutMs;

    @Option(names = "--name", defaultValue = "buttplug-java", description = "Server name sent to clients (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--path", description = "Serve only this request path, e.g. /buttplug (default: every path).")
    String path;

    @Option(names = "--max-frame-bytes", defaultValue = "1048576",
            description = "Largest WebSocket text frame accepted (default: ${DEFAULT-VALUE}).")
    int maxFrameBytes;

    @Option(names = "--ws-keepalive-ms", defaultValue = "0", description = {KeepAliveOption.HELP, "Default ${DEFAULT-VALUE}."})
    long wsKeepaliveMs;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve wss:// with the key in this PKCS12/JKS keystore; its password is read from $" + TLS_PASSWORD_ENV + ".")
    Path tlsKeystore;

    /** A started server with its devices; {@link #stop()} undoes everything. */
    static final class Running {
        final ButtplugWebSocketServer server;
        final DeviceManager devices;
        final SimulatedDevices sim;

        Running(ButtplugWebSocketServer server, DeviceManager devices, SimulatedDevices sim) {
            this.server = server;
            this.devices = devices;
            this.sim = sim;
        }

        /** Closes every client, stops every device, frees the port. Blocking, at most ~10 s. */
        void stop() {
            server.close();
            devices.close();
        }
    }

    /**
     * Builds the devices and starts the server.
     *
     * @throws IOException when the port cannot be bound or the keystore cannot be read
     * @throws IllegalArgumentException for an unknown toy name
     */
    Running start() throws IOException {
        SimulatedDevices sim = SimulatedDevices.of(simulate.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toArray(String[]::new));
        List<DeviceSource> sources = new ArrayList<>(List.of(sim));
        if (!simulateBle.isEmpty()) {
            sources.add(new BleDeviceSource(SimulatedBle.adapter(simulateBle), DeviceConfiguration.bundled()));
        }
        DeviceManager devices = new DeviceManager(sources);
        try {
            ButtplugServer buttplug = ButtplugServer.builder(devices)
                    .name(name)
                    .maxPingTime(Duration.ofMillis(maxPingMs))
                    .handshakeTimeout(Duration.ofMillis(handshakeTimeoutMs))
                    .maxFrameChars(Math.max(64, maxFrameBytes))
                    .build();
            ButtplugWebSocketServer.Builder ws = ButtplugWebSocketServer.builder(buttplug)
                    .host(host).port(port).maxFrameSize(maxFrameBytes).keepAlive(KeepAliveOption.fromMillis(wsKeepaliveMs));
            if (path != null) {
                ws.path(path);
            }
            if (tlsKeystore != null) {
                String password = System.getenv(TLS_PASSWORD_ENV);
                if (password == null) {
                    throw new IOException("set $" + TLS_PASSWORD_ENV + " to the keystore password");
                }
                ws.tls(tlsKeystore, password.toCharArray());
            }
            return new Running(ws.start(), devices, sim);
        } catch (IOException | RuntimeException e) {
            devices.close();
            throw e;
        }
    }

    @Override
    public Integer call() throws Exception {
        Running running;
        try {
            running = start();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: closing clients and stopping devices");
            running.stop();
            stopped.countDown();
        }, "buttplug-serve-shutdown"));
        List<String> toys = new ArrayList<>(simulate);
        simulateBle.forEach(t -> toys.add(t + " (BLE)"));
        log.info("Buttplug server '{}' listening on {} (MaxPingTime {} ms); simulated toys: {}", name,
                running.server.uri(), maxPingMs, toys.isEmpty() ? "none" : String.join(", ", toys));
        if (toys.isEmpty()) {
            log.info("No devices: add some with --simulate {}", String.join(",", SimulatedToy.names()));
        }
        stopped.await();
        return 0;
    }
}
