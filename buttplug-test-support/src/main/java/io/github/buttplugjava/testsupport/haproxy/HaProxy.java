package io.github.buttplugjava.testsupport.haproxy;

import io.github.buttplugjava.testsupport.ExternalTool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@code haproxy} running a given configuration, for the test that follows docs/CLUSTER.md's
 * "three nodes behind HAProxy". Found on the PATH or in {@code /usr/sbin} (Debian's package, which
 * {@code .ci/run} installs). When it is missing the calling test is skipped with a message, except
 * under {@code CI=true}, where it fails. {@link #close()} kills it.
 */
public final class HaProxy implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path log;
    /** Kills haproxy if this JVM ends without {@link #close()} (a test run killed or timed out). */
    private final Thread killAtExit;

    private HaProxy(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.killAtExit = new Thread(process::destroyForcibly, "haproxy-at-exit");
    }

    /**
     * Checks the configuration ({@code haproxy -c}), then starts haproxy on it in the foreground and
     * waits until {@code port} on 127.0.0.1 accepts connections.
     *
     * @param config the configuration file
     * @param port   a port the configuration binds on 127.0.0.1
     * @return the running haproxy
     * @throws IOException when the configuration is refused or haproxy does not listen within 10 s
     * @throws org.opentest4j.TestAbortedException when haproxy is missing and {@code CI} is not true
     */
    public static HaProxy start(Path config, int port) throws IOException, InterruptedException {
        Path binary = ExternalTool.find(List.of("haproxy"), "/usr/sbin", "/usr/local/sbin")
                .orElseGet(() -> ExternalTool.missing("load balancer test", "haproxy is not installed (Debian: apt-get install haproxy)"));
        Path log = config.resolveSibling("haproxy.log");
        Process check = new ProcessBuilder(binary.toString(), "-c", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IOException("haproxy refused the configuration: " + Files.readString(log));
        }
        Process p = new ProcessBuilder(binary.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HaProxy proxy = new HaProxy(p, log);
        Runtime.getRuntime().addShutdownHook(proxy.killAtExit);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                proxy.close();
                throw new IOException("haproxy exited: " + proxy.log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return proxy;
            } catch (IOException notYet) {
                LockSupport.parkNanos(50_000_000); // bounded: until the deadline above
            }
        }
        proxy.close();
        throw new IOException("haproxy did not listen on " + port + " within " + START_TIMEOUT_MS + " ms: " + proxy.log());
    }

    /**
     * What haproxy printed (its log goes to standard output in the example's configuration).
     *
     * @return the log, or a note that there is none
     */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Kills haproxy and waits for it. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
