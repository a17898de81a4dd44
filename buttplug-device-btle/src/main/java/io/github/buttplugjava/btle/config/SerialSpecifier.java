package io.github.buttplugjava.btle.config;

import java.util.Objects;

/**
 * How a protocol's devices are reached over a serial port (the configuration's {@code serial}
 * communication entry): line settings, and the port when the configuration names one.
 *
 * @param port     the port path ({@code /dev/ttyUSB0}, {@code COM3}), or {@code "default"} when the
 *                 configuration leaves it to the user
 * @param baudRate the baud rate, positive
 * @param dataBits data bits per character, 5..8
 * @param parity   {@code 'N'}, {@code 'E'}, {@code 'O'}, {@code 'M'} or {@code 'S'}
 * @param stopBits stop bits, 1 or 2
 */
public record SerialSpecifier(String port, int baudRate, int dataBits, char parity, int stopBits) {

    /** The port name a configuration uses when it names no port. */
    public static final String DEFAULT_PORT = "default";

    /**
     * Checks the settings.
     *
     * @param port the port path, or {@code "default"}
     * @param baudRate the baud rate, positive
     * @param dataBits data bits per character, 5..8
     * @param parity {@code 'N'}, {@code 'E'}, {@code 'O'}, {@code 'M'} or {@code 'S'}
     * @param stopBits stop bits, 1 or 2
     * @throws IllegalArgumentException when a setting is out of range
     */
    public SerialSpecifier {
        Objects.requireNonNull(port, "port");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("serial baud rate must be positive, got " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("serial data bits must be 5..8, got " + dataBits);
        }
        if ("NEOMS".indexOf(parity) < 0) {
            throw new IllegalArgumentException("serial parity must be one of N, E, O, M, S, got " + parity);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("serial stop bits must be 1 or 2, got " + stopBits);
        }
    }

    /**
     * Whether the configuration names a port (rather than {@code "default"}).
     *
     * @return true when {@link #port()} is a real port
     */
    public boolean namesPort() {
        return !port.isEmpty() && !port.equals(DEFAULT_PORT);
    }
}
