package io.github.buttplugjava.device.hid;

/**
 * An open HID device, as the library needs it. Used by one reader thread and one writer thread.
 */
public interface HidPort {

    /**
     * Writes one output report.
     *
     * @param report the report; its first byte is the report id
     * @return the number of bytes written, negative when the device is gone or refused it
     */
    int write(byte[] report);

    /**
     * Reads one input report, waiting at most {@code timeoutMillis}.
     *
     * @param buffer where to put the report
     * @param timeoutMillis how long to wait
     * @return the number of bytes read, 0 when none arrived in time, negative when the device is gone
     */
    int read(byte[] buffer, int timeoutMillis);

    /** Closes the device; idempotent. */
    void close();
}
