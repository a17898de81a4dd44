package io.github.buttplugjava.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * A child process's output written to a file, each line stamped with the UTC time it was read,
 * cut (with a last line saying so) once {@code maxBytes} have been written. Not thread-safe: one
 * reader thread writes it.
 */
final class BoundedLog implements AutoCloseable {

    private final BufferedWriter out;
    private final long maxBytes;
    private long written;
    private boolean cut;

    BoundedLog(Path file, long maxBytes) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.maxBytes = maxBytes;
    }

    /** Writes one line unless the file is full; lines past the bound are dropped. */
    void line(String line) throws IOException {
        if (cut) {
            return;
        }
        String stamped = LocalTime.now(ZoneOffset.UTC) + " " + line;
        if (written + stamped.length() + 1 > maxBytes) {
            out.write("[output cut here: " + maxBytes + " bytes written]");
            out.newLine();
            out.flush();
            cut = true;
            return;
        }
        out.write(stamped);
        out.newLine();
        written += stamped.length() + 1;
        if (!line.startsWith("STATUS ")) {
            out.flush(); // a killed run keeps what mattered
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
