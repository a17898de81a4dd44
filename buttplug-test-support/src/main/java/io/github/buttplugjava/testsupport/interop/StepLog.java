package io.github.buttplugjava.testsupport.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The stdout of a node script that prints one JSON object per step (each with a {@code "step"}
 * field), read line by line on one daemon thread and kept for tests to wait on. Lines that are not
 * JSON objects are kept apart. At most {@value #MAX_LINES} lines are kept; later ones are counted
 * and dropped, so a runaway script cannot fill the test's heap. Thread-safe.
 */
final class StepLog {

    /** The most lines kept (steps and unparsed lines together): {@value}. */
    static final int MAX_LINES = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> steps = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private final Thread reader;
    private final int maxLines;
    private long dropped;
    private boolean ended;

    private StepLog(InputStream stdout, String threadName, int maxLines) {
        this.maxLines = maxLines;
        this.reader = new Thread(() -> read(stdout), threadName);
        reader.setDaemon(true);
    }

    /**
     * Starts reading {@code stdout} on a daemon thread.
     *
     * @param stdout     the process's standard output
     * @param threadName the reader thread's name
     * @return the log, filling as the process prints
     */
    static StepLog follow(InputStream stdout, String threadName) {
        return follow(stdout, threadName, MAX_LINES);
    }

    /**
     * Starts reading {@code stdout} on a daemon thread, keeping at most {@code maxLines} lines.
     *
     * @param stdout     the process's standard output
     * @param threadName the reader thread's name
     * @param maxLines   the most lines kept (a test of the bound gives a small one)
     * @return the log, filling as the process prints
     */
    static StepLog follow(InputStream stdout, String threadName, int maxLines) {
        StepLog log = new StepLog(stdout, threadName, maxLines);
        log.reader.start();
        return log;
    }

    /**
     * Waits for the first step named {@code name} that {@code matches}, printed before or during
     * the wait.
     *
     * @param name     the step's {@code "step"} field
     * @param matches  what else the step must hold
     * @param timeout  how long to wait at most
     * @param who      the process, for the failure message ("the 0.13 hub")
     * @param printed  what the process printed, for the failure message
     * @return the step
     * @throws AssertionError when the output ends, or {@code timeout} passes, without it
     */
    synchronized JsonNode await(String name, Predicate<JsonNode> matches, Duration timeout, String who,
                                Supplier<String> printed) {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode step : steps) {
                if (name.equals(step.path("step").asText()) && matches.test(step)) {
                    return step;
                }
            }
            long left = until - System.nanoTime();
            if (ended || left <= 0) {
                throw new AssertionError("no matching \"" + name + "\" step from " + who
                        + (ended ? " before it ended" : " within " + timeout.toMillis() + " ms")
                        + "; it printed:\n" + printed.get());
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for step " + name, e);
            }
        }
    }

    /**
     * Every step so far with this name.
     *
     * @param name the step's name
     * @return the steps, in order
     */
    synchronized List<JsonNode> steps(String name) {
        return steps.stream().filter(s -> name.equals(s.path("step").asText())).toList();
    }

    /** @return every step so far, in order (a copy) */
    synchronized List<JsonNode> steps() {
        return List.copyOf(steps);
    }

    /** @return the lines so far that were not JSON objects, with a last line counting any dropped */
    synchronized List<String> unparsed() {
        if (dropped == 0) {
            return List.copyOf(unparsed);
        }
        List<String> out = new ArrayList<>(unparsed);
        out.add("(" + dropped + " more lines dropped: the log keeps " + maxLines + ")");
        return out;
    }

    /**
     * Waits for the reader to reach the end of the output (after the process ended).
     *
     * @param grace how long to wait at most
     */
    void join(Duration grace) {
        try {
            reader.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(InputStream stdout) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                add(line);
            }
        } catch (IOException e) {
            // the process was killed mid-line: what was read so far is kept
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void add(String line) {
        if (line.isBlank()) {
            return;
        }
        if (steps.size() + unparsed.size() >= maxLines) {
            dropped++;
            return;
        }
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                steps.add(node);
            } else {
                unparsed.add(line);
            }
        } catch (JsonProcessingException e) {
            unparsed.add(line);
        }
        notifyAll();
    }
}
