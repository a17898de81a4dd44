package io.github.buttplugjava.device.serial;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: what
 * is written to one end is read at the other. The library opens {@link #devicePort()}, a scripted
 * device {@link #scriptPort()}. {@link #cut()} kills socat, which closes both terminals (a device
 * unplugged); {@link #close()} does too and waits for it. Without socat the test is skipped with a
 * message, except under {@code CI=true}, where it fails.
 */
public final class PtyPair implements AutoCloseable {

    private static final long START_DEADLINE_MS = 10_000;

    private final Process socat;
    private final Path dir;

    private PtyPair(Process socat, Path dir) {
        this.socat = socat;
        this.dir = dir;
    }

    public static PtyPair start() throws IOException, InterruptedException {
        requireSocat();
        Path dir = Files.createTempDirectory("buttplug-pty");
        Process p = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + dir.resolve("device"),
                "pty,raw,echo=0,link=" + dir.resolve("script"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        PtyPair pair = new PtyPair(p, dir);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        while (!(Files.exists(dir.resolve("device")) && Files.exists(dir.resolve("script")))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                pair.close();
                throw new IllegalStateException("socat did not make its pseudo-terminals: "
                        + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
        return pair;
    }

    public static boolean socatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    public static void requireSocat() {
        if (socatInstalled()) {
            return;
        }
        String message = "socat is not installed (Debian package 'socat'); the serial tests need it for pseudo-terminals";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + " and must run under CI=true");
        }
        Assumptions.abort(message);
    }

    /** The terminal the library opens, resolved to its {@code /dev/pts/N} path. */
    public String devicePort() throws IOException {
        return dir.resolve("device").toRealPath().toString();
    }

    /** The terminal the scripted device opens. */
    public String scriptPort() throws IOException {
        return dir.resolve("script").toRealPath().toString();
    }

    /** Kills socat: both terminals close, as when a device is unplugged. */
    public void cut() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        socat.destroy();
        if (!socat.waitFor(5, TimeUnit.SECONDS)) {
            socat.destroyForcibly();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
