package io.github.buttplugjava.testsupport.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.github.buttplugjava.testsupport.ExternalTool;

/**
 * Runs the real npm {@code buttplug} clients of {@code interop/node} ({@code client.mjs}) against a
 * server, for interop tests in any module (this class ships in buttplug-test-support).
 *
 * <p>{@link #locate()} finds {@code node} and the installed packages. When either is missing the
 * calling test is skipped with a message saying what to run, except under CI ({@code CI=true}), where
 * it fails: CI installs them with {@code (cd interop/node && npm ci)}.
 *
 * <p>{@link #run} blocks the calling (test) thread until the client exits, and never longer than its
 * hard timeout: a client still running then is killed with its child processes. {@link #start}
 * returns the running client instead. Instances are immutable and may be shared between threads.
 */
public final class NodeInterop {

    private static final String SCRIPT = "client.mjs";
    private static final int MAX_PARENT_DIRECTORIES = 12;
    private static final Duration SCRIPT_TIMEOUT_MARGIN = Duration.ofSeconds(2);

    private final Path node;
    private final Path directory;

    private NodeInterop(Path node, Path directory) {
        this.node = node;
        this.directory = directory;
    }

    /**
     * Finds {@code node} (the {@code NODE} environment variable, else {@code PATH}) and
     * {@code interop/node} with its installed packages, searching upwards from the working directory.
     *
     * @return an instance running {@code client.mjs} with that {@code node} in that directory
     * @throws org.opentest4j.TestAbortedException when something is missing and {@code CI} is not
     *     {@code true} (the test is skipped)
     * @throws org.opentest4j.AssertionFailedError when something is missing under {@code CI=true}
     * @throws IllegalStateException when {@code interop/node/client.mjs} is not in this checkout
     */
    public static NodeInterop locate() {
        Path directory = findInteropDirectory(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        Path node = findNode().orElseGet(() -> ExternalTool.missing("npm interop tests", "node is not on PATH (nor set in the NODE environment"
                + " variable); install node 20+ and run `(cd interop/node && npm ci)`"));
        for (NpmClient client : NpmClient.values()) {
            Path pkg = directory.resolve("node_modules").resolve(client.moduleDirectory()).resolve("package.json");
            if (!Files.isRegularFile(pkg)) {
                ExternalTool.missing("npm interop tests", "the npm client " + client + " is not installed in " + directory
                        + "; run `(cd interop/node && npm ci)` from the repository root");
            }
        }
        return new NodeInterop(node, directory);
    }

    /**
     * The {@code interop/node} directory in use.
     *
     * @return the absolute path of the directory holding {@code client.mjs} and {@code
     *         node_modules}
     */
    public Path directory() {
        return directory;
    }

    /**
     * Runs {@code node client.mjs <client> <url> <scenario> [options]} and waits for it to exit.
     *
     * @param client      which npm client
     * @param url         the server's WebSocket URL
     * @param scenario    {@code list}, {@code basic}, {@code all} or {@code watch} (see client.mjs)
     * @param hardTimeout how long the process may live; the script's own timeout is set a little shorter
     *                    so that it normally reports what it was waiting for before it is killed
     * @param options     extra {@code --key=value} options, e.g. {@code --devices=2}, {@code --level=1}
     * @return what the client printed and how it ended; never null
     * @throws UncheckedIOException when the process cannot be started
     */
    public NpmClientRun run(NpmClient client, URI url, String scenario, Duration hardTimeout, String... options) {
        try (NpmClientProcess process = start(client, url, scenario, hardTimeout, options)) {
            return process.finish();
        }
    }

    /**
     * Starts {@code client.mjs} like {@link #run} without waiting, for tests that act while the client
     * is connected. Close the result (try-with-resources) so the process never outlives the test.
     *
     * @param client which npm client
     * @param url the server's WebSocket URL
     * @param scenario {@code list}, {@code basic}, {@code all} or {@code watch} (see client.mjs)
     * @param hardTimeout how long the process may live before it is killed
     * @param options extra {@code --key=value} options, e.g. {@code --devices=2}
     * @return the running client; close it when done
     * @throws UncheckedIOException when the process cannot be started
     */
    public NpmClientProcess start(NpmClient client, URI url, String scenario, Duration hardTimeout,
                                  String... options) {
        Duration scriptTimeout = hardTimeout.compareTo(SCRIPT_TIMEOUT_MARGIN.multipliedBy(2)) > 0
                ? hardTimeout.minus(SCRIPT_TIMEOUT_MARGIN)
                : hardTimeout;
        List<String> command = new ArrayList<>(List.of(node.toString(), SCRIPT, client.argument(), url.toString(),
                scenario, "--timeout-ms=" + scriptTimeout.toMillis()));
        command.addAll(List.of(options));
        Path stderr = null;
        try {
            stderr = Files.createTempFile("npm-" + client.argument() + "-", ".err");
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectError(stderr.toFile())
                    .start();
            return new NpmClientProcess(client, process, stderr, hardTimeout);
        } catch (IOException e) {
            if (stderr != null) {
                stderr.toFile().delete();
            }
            throw new UncheckedIOException("could not run " + String.join(" ", command.subList(0, 3)), e);
        }
    }

    /**
     * Like {@link #locate()}, and also needs buttplug 0.13.2 ({@code buttplug-v013}) for the
     * legacy peers of {@code legacy.cjs} ({@link LegacyNodePeer}).
     *
     * @return where node and the packages are
     */
    public static NodeInterop locateLegacy() {
        NodeInterop found = locate();
        if (!Files.isRegularFile(found.directory.resolve("node_modules").resolve("buttplug-v013").resolve("package.json"))) {
            ExternalTool.missing("npm interop tests", "buttplug 0.13.2 (buttplug-v013) is not installed in " + found.directory
                    + "; run `(cd interop/node && npm ci)` from the repository root");
        }
        return found;
    }

    /**
     * The node executable in use.
     *
     * @return the absolute path of the {@code node} executable
     */
    public Path node() {
        return node;
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }

    private static Path findInteropDirectory(Path start) {
        Path dir = start;
        for (int i = 0; i < MAX_PARENT_DIRECTORIES && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("interop").resolve("node");
            if (Files.isRegularFile(candidate.resolve(SCRIPT))) {
                return candidate;
            }
        }
        throw new IllegalStateException("interop/node/" + SCRIPT + " not found in " + start + " or its parents");
    }

    private static Optional<Path> findNode() {
        String explicit = System.getenv("NODE");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        return ExternalTool.find(List.of("node", "node.exe"));
    }
}
