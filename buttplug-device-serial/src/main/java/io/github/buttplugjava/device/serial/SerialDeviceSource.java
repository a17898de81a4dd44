package io.github.buttplugjava.device.serial;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.internal.DeviceLayer;
import io.github.buttplugjava.btle.internal.HandlerDevices;
import io.github.buttplugjava.btle.internal.SourceState;
import io.github.buttplugjava.btle.config.ProtocolDefinition;
import io.github.buttplugjava.btle.config.SerialSpecifier;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.device.serial.internal.JSerialCommChannel;
import io.github.buttplugjava.device.serial.internal.SerialLayout;
import io.github.buttplugjava.device.serial.internal.SerialPeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * The devices on configured serial ports ({@code PORT=PROTOCOL}), behind the same protocol layer
 * as BLE devices: each port is opened with its protocol's line settings from the device
 * configuration, the protocol's handler is made from the device's definition and run by the same
 * device layer (checked ranges and durations, one batch per client message, latest wins, periodic
 * work, stop on close).
 *
 * <p>"Scanning" opens every configured port that has no device yet: a port that cannot be opened
 * or whose handshake fails is logged and skipped until the next scan. A port that goes away (the
 * device is unplugged, a pseudo-terminal's other end closes) removes its device, and its commands
 * fail with a {@link ButtplugDeviceException}. Writes to a port wait in a bounded queue. Closing
 * stops every device's outputs, waits for those writes (at most {@link #STOP_TIMEOUT}), then closes
 * the ports. Listener events arrive serially on the executor. Thread-safe.
 *
 * <pre>{@code
 * DeviceSource serial = new SerialDeviceSource(
 *         List.of(SerialPortSpec.parse("/dev/ttyACM0=tcode-v03")), DeviceConfiguration.bundled());
 * DeviceManager devices = DeviceManager.of(serial);
 * }</pre>
 */
public final class SerialDeviceSource implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(SerialDeviceSource.class);

    /** How long closing waits for a device's stop writes before it closes the port anyway. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    /** How long one write may block on a port that takes no bytes before the port counts as gone. */
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

    /** The most ports one source drives. */
    public static final int MAX_PORTS = 64;

    private final Map<String, SerialPortSpec> ports;
    private final DeviceConfiguration configuration;
    private final Protocols protocols;
    private final Executor executor;
    private final SourceState state;
    private final HandlerDevices<String, SerialPeripheral> devices;
    private final ThreadFactory ioThreads = SharedExecutors.daemonThreads("serial-io-");

    /**
     * A source over configured ports, with the built-in protocols, the common pool and the shared
     * timer.
     *
     * @param ports the ports and their protocols
     * @param configuration the device configuration (each protocol needs a {@code serial} entry)
     * @throws IllegalArgumentException when a port is listed twice, there are more than
     *         {@link #MAX_PORTS}, or a protocol is unknown or not a serial protocol
     */
    public SerialDeviceSource(List<SerialPortSpec> ports, DeviceConfiguration configuration) {
        this(ports, configuration, Protocols.builtIn(), ForkJoinPool.commonPool(), SharedExecutors.timers(),
                System::nanoTime);
    }

    /**
     * A source with its executor, scheduler and clock given.
     *
     * @param ports the ports and their protocols
     * @param configuration the device configuration (each protocol needs a {@code serial} entry)
     * @param protocols the protocol handlers
     * @param executor runs listener events, port opening and the devices' writes
     * @param scheduler runs the handlers' periodic work and settle times
     * @param nanoTime the clock of idle times
     * @throws IllegalArgumentException when a port is listed twice, there are more than
     *         {@link #MAX_PORTS}, or a protocol is unknown or not a serial protocol
     */
    public SerialDeviceSource(List<SerialPortSpec> ports, DeviceConfiguration configuration, Protocols protocols,
                              Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.state = new SourceState(executor);
        this.devices = new HandlerDevices<>(state, new DeviceLayer(configuration, protocols, executor, scheduler, nanoTime),
                STOP_TIMEOUT, log);
        if (ports.size() > MAX_PORTS) {
            throw new IllegalArgumentException("at most " + MAX_PORTS + " serial ports, got " + ports.size());
        }
        Map<String, SerialPortSpec> byPort = new LinkedHashMap<>();
        for (SerialPortSpec spec : ports) {
            settings(spec);
            if (byPort.put(spec.port(), spec) != null) {
                throw new IllegalArgumentException("serial port " + spec.port() + " is listed twice");
            }
        }
        this.ports = Map.copyOf(byPort);
    }

    /**
     * The ports given plus those the configuration names ({@link #configuredPorts}), a port given
     * first winning over a configured one: what a program with {@code --serial} options and a user
     * configuration opens.
     *
     * @param given the ports given explicitly (e.g. on the command line)
     * @param configuration the device configuration, usually with a user configuration on top
     * @return the given ports, then the configured ones on other ports
     */
    public static List<SerialPortSpec> withConfiguredPorts(List<SerialPortSpec> given, DeviceConfiguration configuration) {
        List<SerialPortSpec> out = new ArrayList<>(given);
        java.util.Set<String> taken = new java.util.HashSet<>();
        given.forEach(spec -> taken.add(spec.port()));
        for (SerialPortSpec spec : configuredPorts(configuration)) {
            if (taken.add(spec.port())) {
                out.add(spec);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The ports a device configuration names: every {@code serial} entry with a port other than
     * {@code "default"} (a user configuration sets them, as Intiface's does; one protocol may name
     * several), in configuration order. Each port is opened with its entry's line settings.
     *
     * @param configuration the device configuration, usually with a user configuration on top
     * @return the named ports with their protocols, possibly none
     */
    public static List<SerialPortSpec> configuredPorts(DeviceConfiguration configuration) {
        List<SerialPortSpec> out = new ArrayList<>();
        configuration.serialPorts().forEach((protocol, ports) ->
                ports.forEach(s -> out.add(new SerialPortSpec(s.port(), protocol))));
        return out;
    }

    private SerialSpecifier settings(SerialPortSpec spec) {
        ProtocolDefinition protocol = configuration.protocol(spec.protocol()).orElseThrow(() ->
                new IllegalArgumentException("unknown protocol " + spec.protocol() + " for serial port " + spec.port()));
        if (protocols.factory(spec.protocol()).isEmpty()) {
            throw new IllegalArgumentException("protocol " + spec.protocol() + " has no handler");
        }
        return protocol.serialFor(spec.port()).orElseThrow(() -> new IllegalArgumentException("protocol " + spec.protocol()
                + " is not a serial protocol (its configuration has no serial entry)"));
    }

    @Override
    public String name() {
        return "serial";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        state.start(listener);
    }

    /**
     * Opens every configured port that has no device yet; listeners hear
     * {@code scanningFinished} once every port has been tried.
     *
     * @return completes at once (the ports are opened in the background)
     */
    @Override
    public CompletableFuture<Void> startScanning() {
        return state.scan(this::openPorts);
    }

    private CompletableFuture<Void> openPorts() {
        List<CompletableFuture<Void>> tries = new ArrayList<>();
        for (SerialPortSpec spec : ports.values()) {
            if (devices.reserve(spec.port(), MAX_PORTS)) {
                tries.add(devices.open(spec.port(), "serial device " + spec,
                        CompletableFuture.supplyAsync(() -> openPort(spec), executor), SerialLayout.specifier(),
                        spec.protocol()));
            }
        }
        CompletableFuture.allOf(tries.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> state.scanningFinished());
        return CompletableFuture.completedFuture(null);
    }

    private SerialPeripheral openPort(SerialPortSpec spec) {
        JSerialCommChannel channel = JSerialCommChannel.open(spec.port(), settings(spec), WRITE_TIMEOUT);
        return SerialPeripheral.start(spec.port(), channel, ioThreads);
    }

    /** Serial ports are opened, not discovered: nothing to stop. */
    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    /** Stops every device and closes the ports (each device reported removed); does not wait. */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Stops every device's outputs, waits (at most {@link #STOP_TIMEOUT}) for those writes, then
     * closes its port. Idempotent: every call returns the same future.
     *
     * @return completes when every port is closed; never fails
     */
    public CompletableFuture<Void> closeAsync() {
        return state.close(devices::stopAll);
    }
}
