package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.config.SerialSpecifier;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.device.serial.internal.JSerialCommChannel;
import io.github.buttplugjava.device.serial.internal.PortChannel;
import io.github.buttplugjava.device.serial.internal.SerialLayout;
import io.github.buttplugjava.device.serial.internal.SerialPeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * One opened Lovense USB dongle (the serial one: a CH340 at 115200 8N1): its port (bounded write
 * queue, reader and writer threads), the lines to it (paced, bounded), the lines from it (cut,
 * capped, parsed) and its {@link DongleStateMachine}. When the port goes away, the lines fail and
 * the machine hears it (and reports the toy gone).
 */
public final class DongleLink {

    private static final Logger log = LoggerFactory.getLogger(DongleLink.class);

    /** The dongle's line settings. */
    public static final SerialSpecifier LINE = new SerialSpecifier("default", 115200, 8, 'N', 1);
    /** How long one write may block before the dongle counts as gone. */
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(2);

    private final String port;
    private final SerialPeripheral peripheral;
    private final PacedLines lines;
    private final LineReader reader = new LineReader();
    private final DongleStateMachine machine;

    private DongleLink(String port, PortChannel channel, Duration gap, DongleStateMachine.Toys toys, ThreadFactory io,
                       Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.port = port;
        this.peripheral = SerialPeripheral.start(port, channel, io);
        this.lines = new PacedLines(bytes -> peripheral.write(SerialLayout.SERVICE, SerialLayout.TX, bytes, false),
                executor, scheduler, nanoTime, gap);
        this.machine = new DongleStateMachine(this::sendQuietly, toys, new SerialExecutor(executor), scheduler);
        peripheral.subscribe(SerialLayout.SERVICE, SerialLayout.RX, this::read);
        peripheral.onDisconnect(() -> {
            lines.close(new BleException("the Lovense dongle on " + port + " is gone"));
            machine.lost();
        });
    }

    /**
     * Opens the dongle's port and starts its threads; the machine is not started yet.
     *
     * @param port the dongle's serial port, e.g. {@code /dev/ttyUSB0}
     * @param gap the least time between two lines to the dongle
     * @param toys hears the machine's decisions
     * @param io makes the port's reader and writer threads
     * @param executor runs the machine and the paced writes
     * @param scheduler runs the machine's waits and the gaps
     * @param nanoTime the clock of the gaps
     * @return the open link
     * @throws BleException when the port cannot be opened
     */
    public static DongleLink open(String port, Duration gap, DongleStateMachine.Toys toys, ThreadFactory io,
                                  Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        PortChannel channel = JSerialCommChannel.open(port, LINE, WRITE_TIMEOUT);
        return new DongleLink(port, channel, gap, toys, io, executor, scheduler, nanoTime);
    }

    /**
     * The dongle's conversation.
     *
     * @return the machine
     */
    public DongleStateMachine machine() {
        return machine;
    }

    /**
     * Sends a Lovense command to the toy.
     *
     * @param toyId the toy's id
     * @param command e.g. {@code Vibrate:10;}
     * @return completes when the line is written; fails with a {@link BleException}
     */
    public CompletableFuture<Void> command(String toyId, String command) {
        return lines.send(DongleMessages.command(toyId, command));
    }

    /**
     * Adds a listener run once when the dongle goes away (or is closed).
     *
     * @param listener runs once
     */
    public void onLost(Runnable listener) {
        peripheral.onDisconnect(listener);
    }

    /**
     * Whether the port is still open.
     *
     * @return false once the dongle went away or was closed
     */
    public boolean isOpen() {
        return peripheral.isConnected();
    }

    /**
     * Closes the port (the machine hears the dongle gone).
     *
     * @return completes when the port is closed
     */
    public CompletableFuture<Void> close() {
        return peripheral.disconnect();
    }

    private void sendQuietly(String line) {
        lines.send(line).whenComplete((v, e) -> {
            if (e != null) {
                log.debug("message to the Lovense dongle on {} not sent: {}", port, e.getMessage());
            }
        });
    }

    private void read(byte[] data) {
        long droppedBefore = reader.droppedLines();
        for (String line : reader.feed(data)) {
            if (line.isBlank()) {
                continue;
            }
            List<DongleMessage> messages;
            try {
                messages = DongleMessages.read(line);
            } catch (IllegalArgumentException e) {
                log.debug("the Lovense dongle on {} sent a line that is not JSON: {}", port,
                        PeerText.forLog(line, 120));
                continue;
            }
            messages.forEach(machine::received);
        }
        if (reader.droppedLines() > droppedBefore) {
            log.warn("the Lovense dongle on {} sent a line longer than {} bytes; dropped", port, LineReader.MAX_LINE);
        }
    }
}
