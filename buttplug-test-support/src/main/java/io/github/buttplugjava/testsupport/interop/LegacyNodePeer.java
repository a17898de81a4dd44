package io.github.buttplugjava.testsupport.interop;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A running buttplug-js 0.13.2 peer of {@code interop/node/legacy.cjs}: a forwarder, a hub or a
 * controller. {@link #awaitStep} waits for a JSON line it printed, {@link #send} writes a line to
 * its stdin (the forwarder takes {@code unshare} and {@code close}), {@link #suspend} and
 * {@link #kill} stand in for a hub that stalls or dies. The process never outlives its hard
 * timeout or {@link #close()}. Thread-safe.
 */
public final class LegacyNodePeer implements AutoCloseable {

    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final String role;
    private final Process process;
    private final Path stderr;
    private final StepLog log;

    private LegacyNodePeer(String role, Process process, Path stderr) {
        this.role = role;
        this.process = process;
        this.stderr = stderr;
        this.log = StepLog.follow(process.getInputStream(), "node-0.13-" + role + "-stdout");
    }

    /**
     * Starts {@code node legacy.cjs <role> [arguments]} in {@code interop/node}.
     *
     * @param node        where node and the packages are ({@link NodeInterop#locateLegacy()})
     * @param role        {@code forwarder}, {@code hub} or {@code controller}
     * @param hardTimeout how long the process may live; the script's own timeout is a second shorter
     * @param arguments   the URL and {@code --key=value} options of that role (see legacy.cjs)
     * @return the running peer
     * @throws UncheckedIOException when it cannot be started
     */
    public static LegacyNodePeer start(NodeInterop node, String role, Duration hardTimeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(node.node().toString(), "legacy.cjs", role));
        command.addAll(List.of(arguments));
        command.add("--timeout-ms=" + Math.max(1000, hardTimeout.toMillis() - 1000));
        Path err = null;
        try {
            err = Files.createTempFile("node-0.13-" + role + "-", ".err");
            Process p = new ProcessBuilder(command).directory(node.directory().toFile())
                    .redirectError(err.toFile()).start();
            LegacyNodePeer peer = new LegacyNodePeer(role, p, err);
            Thread killer = new Thread(() -> {
                try {
                    if (!p.waitFor(hardTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        peer.kill();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "node-0.13-" + role + "-deadline");
            killer.setDaemon(true);
            killer.start();
            return peer;
        } catch (IOException e) {
            if (err != null) {
                err.toFile().delete();
            }
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /**
     * Waits for the first printed step named {@code name}.
     *
     * @param name    the step's name
     * @param timeout how long to wait
     * @return the step
     * @throws AssertionError when the peer ends, or the time passes, without printing it
     */
    public JsonNode awaitStep(String name, Duration timeout) {
        return awaitStep(name, s -> true, timeout);
    }

    /**
     * Waits for the first printed step named {@code name} that {@code matches}.
     *
     * @param name    the step's name
     * @param matches what else the step must hold
     * @param timeout how long to wait
     * @return the step
     * @throws AssertionError when the peer ends, or the time passes, without printing it
     */
    public JsonNode awaitStep(String name, Predicate<JsonNode> matches, Duration timeout) {
        return log.await(name, matches, timeout, "the 0.13 " + role, this::describe);
    }

    /**
     * Every step printed so far with this name.
     *
     * @param name the step's name
     * @return the steps, in order
     */
    public List<JsonNode> steps(String name) {
        return log.steps(name);
    }

    /**
     * Writes one line to the peer's stdin.
     *
     * @param line the line, without its end
     */
    public void send(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the 0.13 " + role + " does not read its stdin", e);
        }
    }

    /** Stops the process without ending it (SIGSTOP): its sockets stay open and silent. */
    public void suspend() {
        signal("STOP");
    }

    /** Lets a {@linkplain #suspend() suspended} process run again (SIGCONT). */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            // the shell's own kill: no procps needed
            Process kill = new ProcessBuilder("sh", "-c", "kill -" + name + " " + process.pid()).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Kills the process (and its children) at once, as a crash would. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the peer to exit by itself.
     *
     * @param timeout how long to wait
     * @return its exit code
     * @throws AssertionError when it is still running after {@code timeout}
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the 0.13 " + role + " still runs after " + timeout.toMillis() + " ms; it printed:\n"
                        + describe());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return process.exitValue();
    }

    /**
     * What it printed so far, stdout and the end of stderr, for assertion messages.
     *
     * @return one line per step, then the last 20 lines of stderr
     */
    public String describe() {
        StringBuilder b = new StringBuilder();
        log.steps().forEach(s -> b.append("  ").append(s).append('\n'));
        log.unparsed().forEach(s -> b.append("  (not JSON) ").append(s).append('\n'));
        try {
            List<String> err = Files.readAllLines(stderr).stream()
                    .filter(l -> !l.contains("Calling parent parse incoming")).toList();
            err.subList(Math.max(0, err.size() - 20), err.size())
                    .forEach(l -> b.append("  stderr: ").append(l).append('\n'));
        } catch (IOException e) {
            b.append("  (stderr unreadable)\n");
        }
        return b.toString();
    }

    /** Kills the peer if it still runs and frees its files. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            resumeQuietly();
            kill();
        }
        log.join(KILL_GRACE);
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            stderr.toFile().deleteOnExit();
        }
    }

    private void resumeQuietly() {
        try {
            resume();
        } catch (RuntimeException e) {
            // killing works on a stopped process too
        }
    }
}
