package io.github.buttplugjava.testsupport.nats;

import io.github.buttplugjava.testsupport.ExternalTool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code nats-server} with JetStream on 127.0.0.1, on a free port, its store in a temporary
 * directory, for the hub cluster tests. Found on the PATH or in {@code /usr/sbin} (Debian's
 * package, which {@code .ci/run} installs). When it is missing the calling test is skipped with a
 * message, except under {@code CI=true}, where it fails.
 *
 * <p>It can be stopped, killed and started again on the same port and store, for the rows where
 * NATS goes away and comes back. {@link #close()} kills it and deletes the store.
 */
public final class NatsServer implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 10_000;

    private final Path binary;
    private final Path dir;
    private final int port;
    private volatile Process process;
    /** Kills the server if this JVM ends without {@link #close()} (a test run killed or timed out). */
    private final Thread killAtExit = new Thread(this::killQuietly, "nats-server-at-exit");

    private NatsServer(Path binary, Path dir, int port) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Starts a server on a free port.
     *
     * @return the running server
     * @throws IOException when it cannot be started
     * @throws org.opentest4j.TestAbortedException when nats-server is missing and {@code CI} is not true
     */
    public static NatsServer start() throws IOException {
        Path binary = ExternalTool.find(List.of("nats-server"), "/usr/sbin", "/usr/local/bin")
                .orElseGet(() -> ExternalTool.missing("hub cluster tests", "nats-server is not installed (Debian: apt-get install nats-server)"));
        Path dir = Files.createTempDirectory("nats-test");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        NatsServer server = new NatsServer(binary, dir, port);
        Runtime.getRuntime().addShutdownHook(server.killAtExit);
        try {
            server.startAgain();
        } catch (IOException | RuntimeException e) {
            server.closeQuietly();
            throw e;
        }
        return server;
    }

    /**
     * Starts the server again (after {@link #stop()} or {@link #kill()}) on the same port and store.
     *
     * @throws IOException when it does not accept connections within 10 s
     */
    public synchronized void startAgain() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        Path config = dir.resolve("nats.conf");
        Files.writeString(config, "listen: 127.0.0.1:" + port + "\n"
                + "max_payload: 2MB\n"
                + "jetstream {\n  store_dir: \"" + dir.resolve("js").toString().replace("\\", "/") + "\"\n}\n");
        process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nats.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nats-server exited: " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (log().contains("Server is ready")) {
                    return;
                }
            } catch (IOException notYet) {
                // bounded retry below
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        process.destroyForcibly();
        throw new IOException("nats-server did not start within " + START_TIMEOUT_MS + " ms: " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("nats.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /**
     * The URL clients use.
     *
     * @return {@code nats://127.0.0.1:<port>}
     */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Stops the server in order (SIGTERM) and waits for it.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Kills the server (SIGKILL) and waits for it.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void killQuietly() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the server and deletes its store.
     *
     * @throws InterruptedException when interrupted while waiting for the server to end
     */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it up
        }
    }
}
