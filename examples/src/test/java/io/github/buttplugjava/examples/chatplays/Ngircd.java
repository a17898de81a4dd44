package io.github.buttplugjava.examples.chatplays;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real IRC server for the tests: Debian's ngircd, with its own configuration in a temp dir, in
 * the foreground, on a free port of 127.0.0.1, with a server password and no flood penalties.
 * Missing ngircd skips the test locally and fails it under {@code CI=true} (.ci/run installs it).
 */
public final class Ngircd implements AutoCloseable {

    /** The server password every client sends. */
    public static final String PASSWORD = "chatplays-test-password";

    private final Process process;
    private final int port;
    private final int tlsPort;

    private Ngircd(Process process, int port, int tlsPort) {
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** Starts ngircd in {@code dir}, or skips (fails under CI=true) when it is not installed. */
    public static Ngircd start(Path dir) throws IOException, InterruptedException {
        return start(dir, null);
    }

    /**
     * Starts ngircd in {@code dir}; with {@code tls} (a PEM certificate and PKCS#8 key) it also
     * listens for TLS on {@link #tlsPort()}.
     */
    static Ngircd start(Path dir, Pem tls) throws IOException, InterruptedException {
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            String why = "ngircd is not installed (Debian package ngircd; .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(why + ": under CI=true this test must run");
            }
            Assumptions.abort(why + ": skipping the IRC test");
        }
        int port = freePort();
        int tlsPort = tls == null ? -1 : freePort();
        Path config = dir.resolve("ngircd.conf");
        Files.writeString(config, String.join("\n", List.of(
                "[Global]",
                "Name = irc.chatplays.test",
                "Info = chatplays test server",
                "AdminInfo1 = test", "AdminInfo2 = test", "AdminEMail = test@invalid",
                "Listen = 127.0.0.1",
                "Ports = " + port,
                "Password = " + PASSWORD,
                "MotdPhrase = chatplays test",
                "[Limits]",
                "MaxConnectionsIP = 0",
                "MaxNickLength = 30",
                "MaxPenaltyTime = 0",
                "PingTimeout = 120",
                "[Options]",
                "DNS = no",
                "Ident = no",
                "PAM = no",
                tls == null ? "" : "[SSL]\nCertFile = " + tls.cert() + "\nKeyFile = " + tls.key() + "\nPorts = " + tlsPort,
                "")));
        Process process = new ProcessBuilder(binary.get().toString(), "--nodaemon", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ngircd.log").toFile()).start();
        Ngircd server = new Ngircd(process, port, tlsPort);
        // with TLS, ngircd first makes its DH parameters: allow for a loaded machine
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(tls == null ? 10 : 60);
        while (!server.accepts()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                server.close();
                throw new IOException("ngircd did not start: " + Files.readString(dir.resolve("ngircd.log")));
            }
            new java.util.concurrent.LinkedBlockingQueue<>().poll(20, TimeUnit.MILLISECONDS);
        }
        return server;
    }

    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "ngircd")).filter(Files::isExecutable).findFirst();
    }

    public int port() {
        return port;
    }

    /** The TLS port, when started with a certificate. */
    int tlsPort() {
        return tlsPort;
    }

    /** A certificate and its key, as PEM files. */
    record Pem(Path cert, Path key) {
    }

    /** The server dies without a goodbye: every client's link drops. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", tlsPort > 0 ? tlsPort : port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
