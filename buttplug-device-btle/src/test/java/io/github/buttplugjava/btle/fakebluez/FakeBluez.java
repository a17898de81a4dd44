package io.github.buttplugjava.btle.fakebluez;

import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.Properties;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code dbus-daemon} and, optionally, the BlueZ-shaped test service on it
 * ({@code src/test/python/fake_bluez.py}). Both processes end on {@link #close()}, and in any case
 * when this JVM exits (each watches its standard input).
 */
public final class FakeBluez implements AutoCloseable {
    public static final String LOVENSE = "AA:BB:CC:DD:EE:01";
    public static final String WEVIBE = "AA:BB:CC:DD:EE:02";

    private static final Path HERE = Path.of("src", "test", "python");
    private static final Path SCRIPT = HERE.resolve("fake_bluez.py");
    private static final Path BUS_CONFIG = HERE.resolve("bus.conf");
    /** A bus whose policy lets nobody send to org.bluez: what a user outside the bluetooth group sees. */
    public static final Path DENY_BLUEZ_CONFIG = HERE.resolve("bus-deny-bluez.conf");

    private final Process bus;
    private final Process service;
    private final String address;
    private DBusConnection controlConnection;

    private FakeBluez(Process bus, Process service, String address) {
        this.bus = bus;
        this.service = service;
        this.address = address;
    }

    /** Why the fake cannot run here (a missing tool), or empty when it can. */
    public static Optional<String> missingTools() {
        if (!Files.isRegularFile(SCRIPT)) {
            return Optional.of("fake BlueZ script " + SCRIPT.toAbsolutePath() + " not found (run from the module directory)");
        }
        if (!onPath("dbus-daemon")) {
            return Optional.of("dbus-daemon is not installed (Debian: apt-get install dbus-daemon)");
        }
        try {
            Process p = new ProcessBuilder(python(), "-c", "import dbus, dbus.mainloop.glib; from gi.repository import GLib")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.of(python() + " lacks dbus-python or PyGObject (Debian: apt-get install python3-dbus"
                        + " python3-gi): " + out.strip());
            }
        } catch (IOException e) {
            return Optional.of("cannot run " + python() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return Optional.empty();
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/bin" : path).split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The interpreter: $FAKE_BLUEZ_PYTHON, else Debian's /usr/bin/python3 (where python3-dbus lives), else python3. */
    static String python() {
        String configured = System.getenv("FAKE_BLUEZ_PYTHON");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * Starts a bus listening on {@code socket} and, when {@code serviceArgs} is present, the fake
     * BlueZ on it with those arguments (e.g. {@code --device lovense,AA:..}).
     */
    public static FakeBluez start(Path socket, Optional<List<String>> serviceArgs) throws IOException {
        return start(socket, serviceArgs, BUS_CONFIG);
    }

    /** As {@link #start(Path, Optional)}, with another bus configuration (e.g. {@link #DENY_BLUEZ_CONFIG}). */
    public static FakeBluez start(Path socket, Optional<List<String>> serviceArgs, Path busConfig) throws IOException {
        if (socket.toAbsolutePath().toString().length() > 100) {
            throw new IOException("the bus socket path is too long for a Unix socket (max ~107 bytes): "
                    + socket.toAbsolutePath() + "; build from a shorter directory or set -D"
                    + FakeBluezExtension.SOCKET_PROPERTY);
        }
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        // dbus-daemon has no "exit with your parent": a shell keeps it until our end of its stdin closes
        Process bus = new ProcessBuilder("sh", "-c",
                "dbus-daemon \"$@\" & d=$!; trap 'kill $d' EXIT INT TERM; cat > /dev/null", "sh",
                "--config-file=" + busConfig.toAbsolutePath(), "--address=unix:path=" + socket.toAbsolutePath(),
                "--print-address", "--nofork")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process service = null;
        try {
            String address = firstLine(bus, "dbus-daemon").strip();
            if (serviceArgs.isPresent()) {
                List<String> command = new ArrayList<>(List.of(python(), SCRIPT.toAbsolutePath().toString(),
                        "--address", address, "--exit-on-stdin-eof"));
                command.addAll(serviceArgs.get());
                service = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String ready = firstLine(service, "fake_bluez.py");
                if (!ready.startsWith("READY")) {
                    throw new IOException("fake_bluez.py said " + ready);
                }
            }
            return new FakeBluez(bus, service, address);
        } catch (IOException | RuntimeException e) {
            if (service != null) {
                service.destroyForcibly();
            }
            destroy(bus);
            throw e;
        }
    }

    private static String firstLine(Process process, String what) throws IOException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                return reader.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String first = line.get(20, TimeUnit.SECONDS);
            if (first == null) {
                throw new IOException(what + " exited before it was ready (exit " + process.waitFor() + ")");
            }
            return first;
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(what + " did not become ready: " + e, e);
        }
    }

    /** The bus address, as dbus-daemon printed it. */
    public String address() {
        return address;
    }

    /** The control interface of the fake. */
    public synchronized FakeBluez1 control() {
        return remote(FakeBluez1.PATH, FakeBluez1.class);
    }

    /** Standard D-Bus properties of one of the fake's objects (e.g. {@code /org/bluez/hci0}). */
    public synchronized Properties properties(String path) {
        return remote(path, Properties.class);
    }

    private <T extends org.freedesktop.dbus.interfaces.DBusInterface> T remote(String path, Class<T> type) {
        try {
            if (controlConnection == null) {
                controlConnection = DBusConnectionBuilder.forAddress(address).withShared(false).build();
            }
            return controlConnection.getRemoteObject("org.bluez", path, type);
        } catch (DBusException e) {
            throw new IllegalStateException("cannot reach the fake BlueZ: " + e.getMessage(), e);
        }
    }

    /**
     * Waits (bounded poll) until no fake peripheral is connected any more: adapters close
     * asynchronously, and a late Disconnect must not hit the next test's peripherals.
     */
    public void awaitAllDisconnected(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> connected = control().ConnectedPeripherals();
        while (!connected.isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            connected = control().ConnectedPeripherals();
        }
        if (!connected.isEmpty()) {
            throw new AssertionError("still connected after " + timeout + ": " + connected);
        }
    }

    /** A boolean property of the fake adapter, e.g. {@code Powered} or {@code Discovering}. */
    public boolean adapterFlag(String name) {
        Object value = properties("/org/bluez/hci0").Get("org.bluez.Adapter1", name);
        return Boolean.TRUE.equals(value);
    }

    /** The D-Bus object path of a peripheral. */
    public static String devicePath(String address) {
        return "/org/bluez/hci0/dev_" + address.replace(':', '_');
    }

    @Override
    public synchronized void close() {
        if (controlConnection != null) {
            try {
                controlConnection.close();
            } catch (IOException e) {
                // the bus goes away next anyway
            }
        }
        if (service != null) {
            service.destroy();
        }
        destroy(bus);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }
}
