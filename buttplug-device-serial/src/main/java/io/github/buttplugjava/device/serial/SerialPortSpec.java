package io.github.buttplugjava.device.serial;

import java.util.Objects;

/**
 * One configured serial device: a port and the protocol spoken on it, as given on the command line
 * ({@code --serial /dev/ttyUSB0=tcode-v03}).
 *
 * @param port     the port's device path ({@code /dev/ttyUSB0}, {@code /dev/pts/3}, {@code COM3})
 * @param protocol the protocol id of the device configuration ({@code tcode-v03}, {@code nobra},
 *                 {@code kizuna}, {@code nextlevelracing})
 */
public record SerialPortSpec(String port, String protocol) {

    /** The longest port path or protocol id accepted. */
    public static final int MAX_LENGTH = 256;

    /**
     * Checks both parts.
     *
     * @param port the port's device path
     * @param protocol the protocol id
     * @throws IllegalArgumentException when a part is blank, too long or holds control characters
     */
    public SerialPortSpec {
        check("port", port);
        check("protocol", protocol);
    }

    /**
     * Reads {@code PORT=PROTOCOL}; the last {@code =} separates them, so a port path may hold one.
     *
     * @param text the specification, e.g. {@code /dev/ttyACM0=tcode-v03}
     * @return the specification
     * @throws IllegalArgumentException when the text is not {@code PORT=PROTOCOL}
     */
    public static SerialPortSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("a serial device is PORT=PROTOCOL (e.g. /dev/ttyUSB0=tcode-v03), got '"
                    + shorten(text) + "'");
        }
        return new SerialPortSpec(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    private static void check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("serial " + what + " is empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("serial " + what + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("serial " + what + " holds a control character");
            }
        }
    }

    private static String shorten(String text) {
        String s = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
        return out.toString();
    }

    @Override
    public String toString() {
        return port + "=" + protocol;
    }
}
