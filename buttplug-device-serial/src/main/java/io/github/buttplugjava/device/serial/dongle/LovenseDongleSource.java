package io.github.buttplugjava.device.serial.dongle;

import io.github.buttplugjava.btle.HandlerDevice;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.internal.DeviceLayer;
import io.github.buttplugjava.btle.internal.SourceState;
import io.github.buttplugjava.btle.protocol.Protocols;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SharedExecutors;
import io.github.buttplugjava.device.serial.SerialPortSpec;
import io.github.buttplugjava.device.serial.dongle.internal.DongleLink;
import io.github.buttplugjava.device.serial.dongle.internal.DongleStateMachine;
import io.github.buttplugjava.device.serial.dongle.internal.DongleToyPeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * The toy connected through a Lovense USB dongle on a serial port (the dongle is a CH340 serial
 * adapter, 115200 8N1, speaking JSON lines), driven by the same Lovense protocol handlers and
 * device layer as a Lovense toy over BLE: identification by {@code DeviceType;}, one handler per
 * command shape, battery by {@code Battery;}.
 *
 * <p>"Scanning" opens the dongle's port if it is not open, asks the dongle whether a toy is
 * connected already and otherwise has it search; the first toy it finds becomes the device (the
 * dongle holds one toy at a time, as in the reference). When the toy disconnects (the dongle
 * reports status 403) or the dongle goes away (unplugged, its port closed), the device is removed
 * and its commands fail with a {@link ButtplugDeviceException}. A later scan opens the port again.
 * Lines to the dongle are at least {@link #WRITE_GAP} apart and wait in a bounded queue; lines from
 * it are capped. Closing stops the toy's outputs first (waiting at most {@link #STOP_TIMEOUT}),
 * then closes the port. Listener events arrive serially on the executor. Thread-safe.
 *
 * <pre>{@code
 * DeviceSource dongle = new LovenseDongleSource("/dev/ttyUSB0", DeviceConfiguration.bundled());
 * }</pre>
 */
public final class LovenseDongleSource implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(LovenseDongleSource.class);

    /** The protocol of the dongle's toys. */
    public static final String PROTOCOL = "lovense";
    /** The least time between two lines to the dongle (the reference's message gap for its toys). */
    public static final Duration WRITE_GAP = Duration.ofMillis(75);
    /** How long closing waits for the toy's stop commands before it closes the port anyway. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(3);

    private record Toy(String id, DongleToyPeripheral peripheral, CompletableFuture<HandlerDevice> device) {
    }

    private final String port;
    private final DeviceLayer layer;
    private final Duration writeGap;
    private final SourceState state;
    private final ThreadFactory ioThreads = SharedExecutors.daemonThreads("lovense-dongle-io-");
    private DongleLink link;
    private boolean opening;
    private Toy toy;

    /**
     * A source for the dongle on {@code port}, with the built-in protocols, the common pool, the
     * shared timer and {@link #WRITE_GAP}.
     *
     * @param port the dongle's serial port, e.g. {@code /dev/ttyUSB0}
     * @param configuration the device configuration (needs the {@code lovense} protocol)
     * @throws IllegalArgumentException when the port is blank, too long or holds control characters,
     *         or the configuration has no {@code lovense} protocol
     */
    public LovenseDongleSource(String port, DeviceConfiguration configuration) {
        this(port, configuration, Protocols.builtIn(), ForkJoinPool.commonPool(), SharedExecutors.timers(),
                System::nanoTime, WRITE_GAP);
    }

    /**
     * A source with its threads, clock and write gap given.
     *
     * @param port the dongle's serial port, e.g. {@code /dev/ttyUSB0}
     * @param configuration the device configuration (needs the {@code lovense} protocol)
     * @param protocols the protocol handlers
     * @param executor runs listener events, the dongle's conversation and the toy's commands
     * @param scheduler runs the conversation's waits, the write gaps and the device layer's timers
     * @param nanoTime the clock of the gaps and idle times
     * @param writeGap the least time between two lines to the dongle, 0 to 1 s
     * @throws IllegalArgumentException when the port is blank, too long or holds control characters,
     *         the configuration or the protocols lack {@code lovense}, or the gap is out of range
     */
    public LovenseDongleSource(String port, DeviceConfiguration configuration, Protocols protocols, Executor executor,
                               ScheduledExecutorService scheduler, LongSupplier nanoTime, Duration writeGap) {
        this.port = new SerialPortSpec(port, PROTOCOL).port();
        this.layer = new DeviceLayer(configuration, protocols, executor, scheduler, nanoTime);
        this.writeGap = Objects.requireNonNull(writeGap, "writeGap");
        if (writeGap.isNegative() || writeGap.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("write gap must be 0 to 1 s, got " + writeGap);
        }
        if (configuration.protocol(PROTOCOL).isEmpty() || protocols.factory(PROTOCOL).isEmpty()) {
            throw new IllegalArgumentException("the device configuration or the protocols lack " + PROTOCOL);
        }
        this.state = new SourceState(executor);
    }

    @Override
    public String name() {
        return "lovense-dongle";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        state.start(listener);
    }

    /**
     * Opens the dongle if needed and has it search for a toy; listeners hear
     * {@code scanningFinished} when a toy is found, when the dongle already has one, or when the
     * dongle cannot be opened or goes away.
     *
     * @return completes at once (the port is opened in the background)
     */
    @Override
    public CompletableFuture<Void> startScanning() {
        return state.scan(this::openAndSearch);
    }

    private CompletableFuture<Void> openAndSearch() {
        DongleLink open;
        synchronized (this) {
            if (state.isClosed()) { // closeAsync takes the link under this lock
                return CompletableFuture.failedFuture(new ButtplugDeviceException("device source is closed"));
            }
            open = link != null && link.isOpen() ? link : null;
            if (open == null) {
                if (!opening) {
                    opening = true;
                    CompletableFuture.runAsync(this::openDongle, layer.executor());
                }
                return CompletableFuture.completedFuture(null);
            }
        }
        open.machine().startScanning();
        return CompletableFuture.completedFuture(null);
    }

    private void openDongle() {
        DongleLink opened = null;
        try {
            opened = DongleLink.open(port, writeGap, new ToyEvents(), ioThreads, layer.executor(), layer.scheduler(),
                    layer.nanoTime());
        } catch (RuntimeException e) {
            log.warn("Lovense dongle on {} cannot be opened: {}", port, e.getMessage());
        }
        boolean lateClose;
        synchronized (this) {
            opening = false;
            lateClose = state.isClosed() && opened != null;
            if (!state.isClosed() && opened != null) {
                link = opened;
            }
        }
        if (opened == null) {
            state.scanningFinished();
            return;
        }
        if (lateClose) {
            opened.close();
            return;
        }
        log.info("Lovense dongle open on {}", port);
        DongleLink mine = opened;
        mine.onLost(() -> {
            synchronized (this) {
                if (link == mine) {
                    link = null;
                }
            }
            log.info("Lovense dongle on {} is gone", port);
        });
        mine.machine().start(true);
    }

    /**
     * Has the dongle stop searching.
     *
     * @return completes at once
     */
    @Override
    public CompletableFuture<Void> stopScanning() {
        DongleLink open;
        synchronized (this) {
            open = link;
        }
        if (open != null) {
            open.machine().stopScanning();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Stops the toy and closes the dongle's port (the toy reported removed); does not wait. */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Stops the toy's outputs (waiting at most {@link #STOP_TIMEOUT} for those commands), then
     * closes the dongle's port. Idempotent: every call returns the same future.
     *
     * @return completes when the port is closed; never fails
     */
    public CompletableFuture<Void> closeAsync() {
        return state.close(() -> {
            DongleLink open;
            Toy current;
            synchronized (this) {
                open = link;
                current = toy;
            }
            CompletableFuture<Void> stopped = current == null ? CompletableFuture.completedFuture(null)
                    : current.device().handle((device, e) -> device)
                            .thenCompose(device -> device == null ? CompletableFuture.completedFuture(null)
                                    : device.stopAndDisconnect(STOP_TIMEOUT));
            return stopped.handle((v, e) -> null)
                    .thenCompose(v -> open == null ? CompletableFuture.completedFuture(null) : open.close());
        });
    }

    /** What the dongle's conversation decides, turned into devices. Runs on the machine's executor. */
    private final class ToyEvents implements DongleStateMachine.Toys {

        @Override
        public void connected(String id) {
            DongleLink open;
            synchronized (LovenseDongleSource.this) {
                open = link;
            }
            if (open == null) {
                return;
            }
            DongleToyPeripheral peripheral = new DongleToyPeripheral(id, open::command);
            CompletableFuture<HandlerDevice> device = layer.open(peripheral, DongleToyPeripheral.specifier(), PROTOCOL);
            Toy entry = new Toy(id, peripheral, device);
            boolean closedAlready;
            synchronized (LovenseDongleSource.this) {
                closedAlready = state.isClosed();
                if (!closedAlready) {
                    toy = entry; // from now on closeAsync stops it
                }
            }
            log.info("Lovense dongle on {} connected to toy {}", port, PeerText.forLog(id, PeerText.MAX_NAME));
            device.whenComplete((d, error) -> {
                if (error != null) {
                    log.warn("Lovense dongle toy {} skipped: {}", PeerText.forLog(id, PeerText.MAX_NAME),
                            PeerText.error(String.valueOf(error.getMessage())));
                    return;
                }
                if (closedAlready) {
                    d.stopAndDisconnect(STOP_TIMEOUT); // closeAsync did not see this toy
                    return;
                }
                boolean late;
                synchronized (LovenseDongleSource.this) {
                    late = state.isClosed();
                }
                if (late) {
                    return; // closeAsync stops it
                }
                if (!peripheral.isConnected()) {
                    log.info("Lovense dongle toy {} was lost during set-up", PeerText.forLog(id, PeerText.MAX_NAME));
                    return;
                }
                log.info("Lovense dongle toy ready: {}", d.definition().name());
                state.announce(d.device(), peripheral, () -> true);
            });
        }

        @Override
        public void reply(String id, String text) {
            Toy current;
            synchronized (LovenseDongleSource.this) {
                current = toy;
            }
            if (current != null && current.id().equals(id)) {
                current.peripheral().reply(text);
            }
        }

        @Override
        public void gone(String id) {
            Toy current;
            synchronized (LovenseDongleSource.this) {
                current = toy;
                if (current != null && current.id().equals(id)) {
                    toy = null;
                }
            }
            if (current != null && current.id().equals(id)) {
                current.peripheral().lost("the dongle reports it disconnected or the dongle is gone");
            }
        }

        @Override
        public void scanningEnded() {
            state.scanningFinished();
        }
    }

    @Override
    public String toString() {
        return "LovenseDongleSource[" + port + "]";
    }
}
