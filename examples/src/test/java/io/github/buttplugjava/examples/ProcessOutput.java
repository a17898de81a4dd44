package io.github.buttplugjava.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The lines a process prints, read on a daemon thread, with a bounded wait for one of them. */
final class ProcessOutput {

    private final String name;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    ProcessOutput(String name, Process process) {
        this.name = name;
        Thread reader = new Thread(() -> read(process), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process was killed: keep what was read
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The first line (printed before or during the wait) that matches; fails after {@code timeout}. */
    synchronized String await(Predicate<String> matches, Duration timeout) throws InterruptedException {
        return awaitFrom(0, matches, timeout);
    }

    /** Like {@link #await}, among the lines from number {@code from} on. */
    synchronized String awaitFrom(int from, Predicate<String> matches, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
                if (matches.test(line)) {
                    return line;
                }
            }
            long left = until - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("no such line from " + name + (ended ? " before it ended" : "")
                        + "; it printed:\n" + String.join("\n", lines));
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    /** How many lines were printed so far. */
    synchronized int count() {
        return lines.size();
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
