package io.github.buttplugjava.device.serial.internal;

/**
 * An open serial port, as the peripheral needs it: blocking reads that return after a short
 * timeout, blocking writes with a deadline. Used by one reader thread and one writer thread.
 */
public interface PortChannel {

    /**
     * Reads what has arrived, waiting at most the channel's read timeout for the first byte.
     *
     * @param buffer where to put the bytes
     * @return the number of bytes read, 0 when none arrived in time, negative when the port is gone
     */
    int read(byte[] buffer);

    /**
     * Writes all bytes, or fewer when the port did not take them before the write deadline.
     *
     * @param data the bytes
     * @return the number of bytes written, negative when the port is gone
     */
    int write(byte[] data);

    /** Closes the port; idempotent. */
    void close();
}
