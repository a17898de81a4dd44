package io.github.buttplugjava.examples.hardening;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Captures what is written to System.err (where slf4j-simple logs in the examples' tests: its
 * configuration, simplelogger.properties, is the examples' own, at info) while also passing it
 * through. Bounded: keeps at most 64 MiB.
 */
final class LogCapture implements AutoCloseable {

    private static final int MAX = 64 << 20;
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    LogCapture() {
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (buffer) {
                    if (buffer.size() < MAX) {
                        buffer.write(b);
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (buffer) {
                    if (buffer.size() < MAX) {
                        buffer.write(b, off, Math.min(len, MAX - buffer.size()));
                    }
                }
                // echo only a short head of each write: a 900 KB log line must not flood the test report
                original.write(b, off, Math.min(len, 2048));
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    List<String> lines() {
        return text().lines().toList();
    }

    /** Lines written from now on: call {@link #mark()} first. */
    private int mark;

    void mark() {
        synchronized (buffer) {
            mark = buffer.size();
        }
    }

    List<String> linesSinceMark() {
        synchronized (buffer) {
            byte[] all = buffer.toByteArray();
            return new String(all, mark, all.length - mark, StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
