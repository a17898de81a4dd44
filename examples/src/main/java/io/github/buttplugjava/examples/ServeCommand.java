package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.sim.SimulatedBle;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.btle.lovenseconnect.LovenseConnectSource;
import io.github.buttplugjava.device.serial.SerialDeviceSource;
import io.github.buttplugjava.device.serial.dongle.LovenseDongleSource;
import io.github.buttplugjava.device.hid.HidDeviceSource;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code buttplug serve}: a Buttplug WebSocket server like Intiface Engine, over Bluetooth toys
 * (BlueZ or TinyB) or simulated ones driven through their real protocol handlers.
 * Ctrl-C closes every client (each session stops what it drove), stops every device and exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a Buttplug server (spec v0..v4) on a WebSocket, like Intiface Engine.",
                "Clients connect to ws://HOST:PORT (for example the npm 'buttplug' client or Intiface apps).",
                "Toys: --simulate lovense,wevibe (simulated, the default backend), or real ones with --ble bluez|tinyb;",
                "serial toys with --serial PORT=PROTOCOL (e.g. --serial /dev/ttyACM0=tcode-v03 for an OSR2/SR6).",
                "A toy through a Lovense USB dongle: --lovense-dongle PORT (e.g. /dev/ttyUSB0); Joy-Cons: --hid.",
                "Toys connected to the Lovense app: --lovense-connect [HOST:PORT] (the app's LAN API).",
                "A Bluetooth adapter that cannot be used (no bus, no BlueZ, no adapter) ends with exit status 1.",
                "Intiface Engine's option names work too: --websocket-port, --websocket-use-all-interfaces, --server-name,",
                "--max-ping-time, --use-bluetooth-le, --use-hid, --device-config-file, --user-device-config-file, --log; its switches for",
                "device kinds it finds differently (--use-serial, --use-lovense-dongle-serial, ...) are accepted with a warning.",
                "Ctrl-C stops every device and exits."})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    /** Environment variable holding the TLS keystore password (never on the command line). */
    static final String TLS_PASSWORD_ENV = "BUTTPLUG_TLS_PASSWORD";

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 for every interface, with TLS).")
    String host;

    @Option(names = {"--port", "--websocket-port"}, defaultValue = "12345",
            description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Mixin
    BleOptions ble = new BleOptions();

    @Mixin
    SerialOptions serial = new SerialOptions();

    @Mixin
    LovenseDongleOptions lovenseDongle = new LovenseDongleOptions();

    @Mixin
    HidOptions hid = new HidOptions();

    @Mixin
    LovenseConnectOptions lovenseConnect = new LovenseConnectOptions();

    @Option(names = {"--max-ping-ms", "--max-ping-time"}, defaultValue = "0",
            description = "MaxPingTime in ms: clients must ping this often or their devices stop (default: ${DEFAULT-VALUE} = off).")
    long maxPingMs;

    @Option(names = "--handshake-timeout-ms", defaultValue = "30000",
            description = "Close clients that have not sent RequestServerInfo within this many ms (default: ${DEFAULT-VALUE}; 0 = never).")
    long handshakeTimeoutMs;

    @Option(names = {"--name", "--server-name"}, defaultValue = "buttplug-java", description = "Server name sent to clients (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--path", description = "Serve only this request path, e.g. /buttplug (default: every path).")
    String path;

    @Mixin
    IntifaceEngineOptions intiface = new IntifaceEngineOptions();

    @Mixin
    ConnectionLimitOptions connectionLimits = new ConnectionLimitOptions();

    @Mixin
    MessageLimitOptions messageLimits = new MessageLimitOptions();

    @Option(names = "--command-timeout-ms", defaultValue = "10000",
            description = "Answer a command with an error when its device has not answered within this time (default: ${DEFAULT-VALUE}).")
    long commandTimeoutMs;

    @Option(names = "--ws-keepalive-ms", defaultValue = "1000", description = {KeepAliveOption.HELP, "Default ${DEFAULT-VALUE}."})
    long wsKeepaliveMs;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve wss:// with the key in this PKCS12/JKS keystore; its password is read from $" + TLS_PASSWORD_ENV + ".")
    Path tlsKeystore;

    /** A started server with its devices; {@link #stop()} undoes everything. */
    static final class Running {
        final ButtplugWebSocketServer server;
        final DeviceManager devices;
        final AdapterDeviceSource toys;
        /** Each closes a source of real toys after their stop writes (serial ports, the dongle, the app). */
        final List<Supplier<CompletableFuture<Void>>> closers;

        Running(ButtplugWebSocketServer server, DeviceManager devices, AdapterDeviceSource toys,
                List<Supplier<CompletableFuture<Void>>> closers) {
            this.server = server;
            this.devices = devices;
            this.toys = toys;
            this.closers = List.copyOf(closers);
        }

        /**
         * Closes every client, stops every device, closes the adapter, the serial ports, the
         * dongle and the app's polling (after their stop writes), frees the port. Blocking, at most
         * ~5 s per kind of toy.
         */
        void stop() {
            server.close();
            devices.close();
            for (Supplier<CompletableFuture<Void>> close : closers) {
                close.get().orTimeout(5, TimeUnit.SECONDS).handle((v, e) -> null).join();
            }
        }
    }

    /**
     * Opens the Bluetooth adapter, builds the devices and starts the server.
     *
     * @throws IOException when the port cannot be bound or the keystore cannot be read
     * @throws IllegalArgumentException for an unknown toy name or options that do not fit together
     * @throws BleOptions.UnusableAdapterException when the Bluetooth adapter cannot be used
     */
    Running start() throws IOException, BleOptions.UnusableAdapterException, InterruptedException {
        // serial ports and Lovense apps come from the options and from the user device configuration
        DeviceConfiguration configuration = ble.configuration();
        Optional<SerialDeviceSource> serialToys = serial.open(configuration);
        Optional<LovenseDongleSource> dongleToys = lovenseDongle.open();
        List<LovenseConnectSource> lovenseToys = lovenseConnect.open(configuration);
        Optional<HidDeviceSource> hidToys = hid.open();
        AdapterDeviceSource toys;
        try {
            toys = ble.open();
        } catch (BleOptions.UnusableAdapterException | RuntimeException e) {
            hidToys.ifPresent(HidDeviceSource::close);
            throw e;
        }
        List<DeviceSource> sources = new ArrayList<>(List.of(toys));
        List<Supplier<CompletableFuture<Void>>> closers = new ArrayList<>();
        serialToys.ifPresent(s -> {
            sources.add(s);
            closers.add(s::closeAsync);
        });
        dongleToys.ifPresent(s -> {
            sources.add(s);
            closers.add(s::closeAsync);
        });
        for (LovenseConnectSource s : lovenseToys) {
            sources.add(s);
            closers.add(s::closeAsync);
        }
        hidToys.ifPresent(s -> {
            sources.add(s);
            closers.add(s::closeAsync);
        });
        DeviceManager devices = new DeviceManager(sources);
        try {
            ButtplugServer buttplug = ButtplugServer.builder(devices)
                    .name(name)
                    .maxPingTime(Duration.ofMillis(maxPingMs))
                    .handshakeTimeout(Duration.ofMillis(handshakeTimeoutMs))
                    .maxFrameChars(connectionLimits.maxFrameChars(1 << 20))
                    .limits(messageLimits.limits())
                    .commandTimeout(Duration.ofMillis(commandTimeoutMs))
                    .build();
            ButtplugWebSocketServer.Builder ws = ButtplugWebSocketServer.builder(buttplug)
                    .host(host).port(port).keepAlive(KeepAliveOption.fromMillis(wsKeepaliveMs));
            connectionLimits.applyTo(ws);
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
            return new Running(ws.start(), devices, toys, closers);
        } catch (IOException | RuntimeException e) {
            devices.close();
            throw e;
        }
    }

    /** Intiface Engine's switches that have no meaning here: accepted, with a warning each. */
    private static final java.util.Set<String> IGNORED = java.util.Set.of("--use-serial",
            "--use-lovense-dongle-serial", "--use-lovense-dongle-hid", "--use-xinput", "--use-lovense-connect",
            "--use-device-websocket-server", "--crash-reporting", "--broadcast-server-mdns", "--allow-raw",
            "--frontend-websocket-port", "--device-websocket-server-port", "--mdns-suffix", "--websocket-client-address");

    /** Applies Intiface Engine's --websocket-use-all-interfaces, --use-bluetooth-le and --use-hid to our options. */
    private void applyIntifaceNames() {
        picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (intiface.allInterfaces) {
            if (parsed.hasMatchedOption("--host")) {
                throw OptionErrors.of(spec, "--websocket-use-all-interfaces and --host both say where to listen: give one");
            }
            host = "0.0.0.0";
        }
        if (intiface.hid) {
            hid.hid = true;
        }
        if (intiface.bluetoothLe && !parsed.hasMatchedOption("--ble")) {
            ble.backend = BleOptions.Backend.BLUEZ;
        }
        for (String arg : parsed.originalArgs()) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (IGNORED.contains(name)) {
                System.err.println("buttplug serve: " + name + " (an Intiface Engine option) is ignored: "
                        + ("--use-serial".equals(name)
                                ? "this server does not probe serial ports; it opens those named with --serial PORT=PROTOCOL "
                                        + "and in the user device configuration's serial entries"
                                : "--use-lovense-dongle-serial".equals(name)
                                ? "this server does not probe USB ids; give the dongle's port with --lovense-dongle PORT"
                                : "--use-lovense-connect".equals(name)
                                ? "this server does not look the app up through Lovense's servers; give --lovense-connect HOST:PORT"
                                : "this server has Bluetooth LE, serial ports given with --serial, the serial Lovense dongle "
                                        + "(--lovense-dongle PORT), Lovense Connect, HID (--hid) and simulated toys only"));
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (intiface.serverVersion) {
            System.out.println(Cli.Version.projectVersion());
            return 0;
        }
        applyIntifaceNames();
        Running running;
        try {
            running = start();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(spec, e.getMessage());
        } catch (IOException e) {
            System.err.println("buttplug serve: " + e.getMessage());
            return 1;
        } catch (BleOptions.UnusableAdapterException e) {
            System.err.println("buttplug serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping: closing clients and stopping devices");
            running.stop();
            stopped.countDown();
        }, "buttplug-serve-shutdown"));
        log.info("Buttplug server '{}' listening on {} (MaxPingTime {} ms); {}; {}; {}; {}; {}", name,
                running.server.uri(), maxPingMs, ble.describe(), serial.describe(ble.configuration()),
                lovenseDongle.describe(), lovenseConnect.describe(ble.configuration()), hid.describe());
        if (!ble.anyDevices() && running.closers.isEmpty()) {
            log.info("No devices: add simulated ones with --simulate {}, or use Bluetooth with --ble bluez",
                    String.join(",", SimulatedBle.names()));
        }
        stopped.await();
        return 0;
    }
}
