package io.github.buttplugjava.testsupport.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code client.mjs}, for tests that act on the server while the npm client is connected:
 * {@link #awaitStep} waits for a step to be printed (e.g. {@code devices}), {@link #finish} waits for
 * the exit. Its stdout is read on one daemon thread; the process never outlives its hard timeout or
 * {@link #close()}. Thread-safe.
 */
public final class NpmClientProcess implements AutoCloseable {

    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final NpmClient client;
    private final Process process;
    private final Path stderr;
    private final long deadlineNanos;
    private final StepLog log;
    private boolean killed;

    NpmClientProcess(NpmClient client, Process process, Path stderr, Duration hardTimeout) {
        this.client = client;
        this.process = process;
        this.stderr = stderr;
        this.deadlineNanos = System.nanoTime() + hardTimeout.toNanos();
        this.log = StepLog.follow(process.getInputStream(), "npm-" + client.argument() + "-stdout");
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
        return log.await(name, step -> true, timeout, client.toString(),
                () -> snapshot(process.isAlive() ? -1 : process.exitValue()).describe());
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
        log.join(KILL_GRACE);
        int exitCode = process.isAlive() || !exited ? -1 : process.exitValue();
        return snapshot(exitCode);
    }

    /** Kills the client if it still runs and frees its files. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        log.join(KILL_GRACE);
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            stderr.toFile().deleteOnExit();
        }
    }

    private NpmClientRun snapshot(int exitCode) {
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            err = "(stderr unreadable: " + e.getMessage() + ")";
        }
        boolean wasKilled;
        synchronized (this) {
            wasKilled = killed;
        }
        return new NpmClientRun(client, exitCode, wasKilled, log.steps(), log.unparsed(), err);
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
}
