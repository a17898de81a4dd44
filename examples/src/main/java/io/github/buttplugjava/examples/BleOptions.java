package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.BleAdapter;
import io.github.buttplugjava.btle.BleDeviceSource;
import io.github.buttplugjava.btle.bluez.BluezBleAdapter;
import io.github.buttplugjava.btle.bluez.BluezOptions;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.sim.SimulatedAdapter;
import io.github.buttplugjava.btle.sim.SimulatedBle;
import io.github.buttplugjava.btle.tinyb.TinyBBleAdapter;
import io.github.buttplugjava.btle.tinyb.TinyBOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Option;

/**
 * The Bluetooth options {@code serve} and {@code share} have in common ({@code --ble}, {@code --simulate},
 * {@code --adapter}, {@code --bus}), and the device source they make.
 */
final class BleOptions {

    /** Which BLE backend finds the toys. */
    enum Backend {
        SIM, BLUEZ, TINYB;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Option(names = "--ble", defaultValue = "sim", paramLabel = "BACKEND",
            description = {"Where toys come from: sim (simulated toys, see --simulate; the default), "
                    + "bluez (BlueZ over D-Bus, pure Java) or tinyb (TinyB, bundled natives, x86 Linux only).",
                    "bluez reads the system bus from --bus, else $DBUS_SYSTEM_BUS_ADDRESS, else the default system bus; "
                            + "tinyb reads it ONLY from $DBUS_SYSTEM_BUS_ADDRESS, when the JVM starts (no --bus)."})
    Backend backend;

    @Option(names = "--simulate", split = ",", paramLabel = "TOY", completionCandidates = SimulatedBleToyNames.class,
            description = "With --ble sim: simulated toys, comma separated, driven through their real protocol "
                    + "handlers (handshake, command bytes); found by a scan. One of: ${COMPLETION-CANDIDATES}.")
    List<String> simulate = new ArrayList<>();

    @Option(names = "--adapter", paramLabel = "NAME",
            description = "With --ble bluez|tinyb: the Bluetooth adapter, e.g. hci0 (default: the first one).")
    String adapter;

    @Option(names = "--bus", paramLabel = "ADDRESS",
            description = "With --ble bluez: the D-Bus address where BlueZ lives, e.g. unix:path=/tmp/fake-bluez/bus "
                    + "(default: $DBUS_SYSTEM_BUS_ADDRESS, else the system bus).")
    String bus;

    @Option(names = "--device-config-file", paramLabel = "FILE",
            description = "A device configuration (Buttplug's v4 JSON format) to use instead of the bundled one.")
    java.nio.file.Path deviceConfigFile;

    @Option(names = "--user-device-config-file", paramLabel = "FILE",
            description = "A user device configuration (v4 JSON, 'user_configs') on top: extra names and protocols, "
                    + "devices allowed or denied.")
    java.nio.file.Path userDeviceConfigFile;

    /** The largest configuration file read (the official one is well under 1 MiB). */
    static final long MAX_CONFIG_BYTES = 16L << 20;

    /** How long opening a real adapter may take before it counts as missing. */
    private static final long OPEN_TIMEOUT_S = 20;

    /** The simulated toy names given, trimmed, blanks dropped. */
    List<String> toys() {
        List<String> out = new ArrayList<>();
        simulate.forEach(s -> {
            if (!s.isBlank()) {
                out.add(s.trim().toLowerCase(Locale.ROOT));
            }
        });
        return out;
    }

    /** Whether these options name any device at all (a real backend, or simulated toys). */
    boolean anyDevices() {
        return backend != Backend.SIM || !toys().isEmpty();
    }

    /** What the options give, for a log line: e.g. "simulated toys: lovense, wevibe" or "BlueZ adapter hci0". */
    String describe() {
        return switch (backend) {
            case SIM -> "simulated BLE toys: " + (toys().isEmpty() ? "none" : String.join(", ", toys()));
            case BLUEZ -> "BlueZ adapter " + (adapter == null ? "(first)" : adapter) + " on "
                    + options().resolvedBusAddress();
            case TINYB -> "TinyB adapter " + (adapter == null ? "(first)" : adapter);
        };
    }

    private BluezOptions options() {
        BluezOptions o = BluezOptions.defaults();
        if (bus != null) {
            o = o.withBusAddress(bus);
        }
        return adapter == null ? o : o.withAdapterName(adapter);
    }

    /**
     * Makes the device source: opens a real adapter now (blocking, bounded), so a missing bus, BlueZ
     * or adapter is reported at start.
     *
     * @throws IllegalArgumentException for options that do not fit together or an unknown toy name
     * @throws UnusableAdapterException when the adapter cannot be opened (the message says why, one line)
     */
    AdapterDeviceSource open() throws UnusableAdapterException, InterruptedException {
        if (backend != Backend.SIM && !toys().isEmpty()) {
            throw new IllegalArgumentException("--simulate needs --ble sim (it was --ble " + backend + ")");
        }
        if (backend != Backend.BLUEZ && bus != null) {
            throw new IllegalArgumentException("--bus needs --ble bluez"
                    + (backend == Backend.TINYB ? " (TinyB reads the bus only from $DBUS_SYSTEM_BUS_ADDRESS)" : ""));
        }
        if (backend == Backend.SIM && adapter != null) {
            throw new IllegalArgumentException("--adapter needs --ble bluez or --ble tinyb");
        }
        DeviceConfiguration configuration = configuration();
        BleAdapter ble = switch (backend) {
            case SIM -> SimulatedBle.adapter(toys());
            case BLUEZ -> open(new BluezBleAdapter(options()), a -> a.open());
            case TINYB -> open(new TinyBBleAdapter(adapter == null ? TinyBOptions.defaults()
                    : TinyBOptions.defaults().withAdapterInterface(adapter)), a -> a.open());
        };
        return new AdapterDeviceSource(new BleDeviceSource(ble, configuration), ble);
    }

    /**
     * The device configuration: the bundled one or {@code --device-config-file}, with
     * {@code --user-device-config-file} on top.
     *
     * @throws IllegalArgumentException when a file cannot be read or is not such a configuration
     */
    DeviceConfiguration configuration() {
        DeviceConfiguration c = deviceConfigFile == null ? DeviceConfiguration.bundled()
                : read("--device-config-file", deviceConfigFile, DeviceConfiguration::fromJson);
        if (userDeviceConfigFile != null) {
            DeviceConfiguration base = c;
            c = read("--user-device-config-file", userDeviceConfigFile, base::withUserConfig);
        }
        return c;
    }

    private static DeviceConfiguration read(String option, java.nio.file.Path file,
                                            java.util.function.Function<String, DeviceConfiguration> parse) {
        String json;
        try {
            if (java.nio.file.Files.size(file) > MAX_CONFIG_BYTES) {
                throw new IllegalArgumentException(option + " " + file + ": larger than " + (MAX_CONFIG_BYTES >> 20) + " MiB");
            }
            json = java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(option + " " + file + ": cannot read it (" + e + ")");
        }
        try {
            return parse.apply(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage());
        }
    }

    /** The simulated adapter behind a source made with {@code --ble sim}, for tests. */
    static SimulatedAdapter simulated(AdapterDeviceSource source) {
        return (SimulatedAdapter) source.adapter();
    }

    private static <A extends BleAdapter> A open(A adapter, java.util.function.Function<A, java.util.concurrent.CompletableFuture<Void>> opening)
            throws UnusableAdapterException, InterruptedException {
        try {
            opening.apply(adapter).get(OPEN_TIMEOUT_S, TimeUnit.SECONDS);
            return adapter;
        } catch (ExecutionException e) {
            adapter.close();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UnusableAdapterException(adapter.name() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            adapter.close();
            throw new UnusableAdapterException(adapter.name() + ": no answer from BlueZ within " + OPEN_TIMEOUT_S + " s", e);
        } catch (RuntimeException | LinkageError e) {
            adapter.close();
            throw new UnusableAdapterException(adapter.name() + ": " + e, e);
        }
    }

    /** The Bluetooth adapter cannot be used: no bus, no BlueZ, no adapter, no permission. */
    static final class UnusableAdapterException extends Exception {
        UnusableAdapterException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
