package io.github.buttplugjava.testsupport.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code client.mjs}, for tests that act on the server while the npm client is connected:
 * {@link #awaitStep} waits for a step to be printed (e.g. {@code devices}), {@link #finish} waits for
 * the exit. Its stdout is read on one daemon thread; the process never outlives its hard timeout or
 * {@link #close()}. Thread-safe.
 */
public final class NpmClientProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final NpmClient client;
    private final Process process;
    private final Path stderr;
    private final long deadlineNanos;
    private final List<JsonNode> steps = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private final Thread reader;
    private boolean endOfOutput;
    private boolean killed;

    NpmClientProcess(NpmClient client, Process process, Path stderr, Duration hardTimeout) {
        this.client = client;
        this.process = process;
        this.stderr = stderr;
        this.deadlineNanos = System.nanoTime() + hardTimeout.toNanos();
        this.reader = new Thread(this::readStdout, "npm-" + client.argument() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Waits until the client has printed a step with this name (before or during the wait).
     *
     * @param name the step's {@code "step"} field, e.g. {@code "devices"}
     * @param timeout how long to wait at most
     * @return the first such step
     * @throws AssertionError when the client exits, or {@code timeout} passes, without printing it;
     *     the message holds everything the client printed
     */
    public JsonNode awaitStep(String name, Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (JsonNode step : steps) {
                    if (name.equals(step.path("step").asText())) {
                        return step;
                    }
                }
                long left = until - System.nanoTime();
                if (endOfOutput || left <= 0) {
                    throw new AssertionError("no \"" + name + "\" step from " + client
                            + (endOfOutput ? " before it ended" : " within " + timeout.toMillis() + " ms")
                            + "; it printed:\n" + snapshot(process.isAlive() ? -1 : process.exitValue()).describe());
                }
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for step " + name, e);
                }
            }
        }
    }

    /**
     * Waits for the client to exit, until the hard timeout given at start; kills it (and its
     * children) if it is still running then.
     *
     * @return what it printed and how it ended
     */
    public NpmClientRun finish() {
        long left = deadlineNanos - System.nanoTime();
        boolean exited = waitFor(Duration.ofNanos(Math.max(0, left)));
        if (!exited) {
            kill();
        }
        joinReader();
        int exitCode = process.isAlive() || !exited ? -1 : process.exitValue();
        return snapshot(exitCode);
    }

    /** Kills the client if it still runs and frees its files. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        joinReader();
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            stderr.toFile().deleteOnExit();
        }
    }

    private synchronized NpmClientRun snapshot(int exitCode) {
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            err = "(stderr unreadable: " + e.getMessage() + ")";
        }
        return new NpmClientRun(client, exitCode, killed, steps, unparsed, err);
    }

    private void kill() {
        synchronized (this) {
            killed = true;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(KILL_GRACE);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void joinReader() {
        try {
            reader.join(KILL_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                add(line);
            }
        } catch (IOException e) {
            // the process was killed mid-line: what was read so far is kept
        } finally {
            synchronized (this) {
                endOfOutput = true;
                notifyAll();
            }
        }
    }

    private synchronized void add(String line) {
        if (line.isBlank()) {
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
