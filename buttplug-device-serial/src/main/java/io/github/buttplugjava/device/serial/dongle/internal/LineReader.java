package io.github.buttplugjava.device.serial.dongle.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the bytes of a serial port into lines at {@code \n} (a {@code \r} before it is dropped).
 * Bounded: a line longer than {@link #MAX_LINE} bytes is thrown away up to its end and counted.
 * Not thread-safe: one reader feeds it.
 */
public final class LineReader {

    /** The longest line kept, in bytes. */
    public static final int MAX_LINE = 4096;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean overlong;
    private long dropped;

    /**
     * Takes bytes and returns the lines they complete.
     *
     * @param data bytes as read
     * @return the complete lines, in order, possibly none
     */
    public List<String> feed(byte[] data) {
        List<String> out = new ArrayList<>();
        for (byte b : data) {
            if (b == '\n') {
                if (!overlong) {
                    String s = line.toString(StandardCharsets.UTF_8);
                    out.add(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
                }
                line.reset();
                overlong = false;
            } else if (!overlong) {
                if (line.size() >= MAX_LINE) {
                    overlong = true;
                    dropped++;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
        return out;
    }

    /**
     * How many lines were thrown away for their length.
     *
     * @return the count
     */
    public long droppedLines() {
        return dropped;
    }
}
