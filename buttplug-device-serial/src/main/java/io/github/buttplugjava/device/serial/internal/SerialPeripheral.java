package io.github.buttplugjava.device.serial.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.internal.PortPeripheral;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * An open serial port as a peripheral with the endpoints of {@link SerialLayout}: writes to
 * {@code tx} go through a bounded queue to one writer thread; what one reader thread reads is
 * delivered as {@code rx} notifications.
 *
 * <p>The port is lost when a read reports it gone (the device was unplugged, the pseudo-terminal's
 * other end closed) or a write does not complete within the channel's write deadline: then every
 * queued write fails with a {@link BleException}, later writes fail at once, and the disconnect
 * listeners run (on the thread that saw the loss). {@link #disconnect()} does the same on purpose.
 * A full queue fails the new write rather than growing ({@link PortPeripheral}).
 */
public final class SerialPeripheral extends PortPeripheral {

    /** The most writes waiting for the writer thread. */
    public static final int MAX_QUEUED_WRITES = 32;
    /** The most bytes waiting for the writer thread. */
    public static final int MAX_QUEUED_BYTES = 16 * 1024;
    /** The largest single write. */
    public static final int MAX_WRITE_BYTES = 4096;
    /** The size of one read. */
    static final int READ_BUFFER = 1024;

    private final PortChannel channel;

    private SerialPeripheral(String port, PortChannel channel) {
        super(port, port, "serial port " + port, SerialLayout.LAYOUT, 0, MAX_WRITE_BYTES, MAX_QUEUED_WRITES,
                MAX_QUEUED_BYTES, READ_BUFFER);
        this.channel = channel;
    }

    /**
     * Starts the reader and writer threads over an open channel.
     *
     * @param port the port's path (the peripheral's name and address)
     * @param channel the open port; closed by this peripheral
     * @param threads makes the two threads
     * @return the connected peripheral
     */
    public static SerialPeripheral start(String port, PortChannel channel, ThreadFactory threads) {
        SerialPeripheral p = new SerialPeripheral(Objects.requireNonNull(port, "port"),
                Objects.requireNonNull(channel, "channel"));
        p.startThreads(threads);
        return p;
    }

    @Override
    protected int readPort(byte[] buffer) {
        return channel.read(buffer);
    }

    @Override
    protected void writePort(byte[] data) throws IOException {
        int n = channel.write(data);
        if (n < 0) {
            throw new IOException("write failed");
        }
        if (n != data.length) {
            throw new IOException("write did not complete in time (" + n + " of " + data.length + " bytes)");
        }
    }

    @Override
    protected void closePort() {
        channel.close();
    }
}
