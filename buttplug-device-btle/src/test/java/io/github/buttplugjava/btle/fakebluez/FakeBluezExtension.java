package io.github.buttplugjava.btle.fakebluez;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Gives a test class the shared fake BlueZ (one private bus + service per test JVM, started on first
 * use, stopped when the JVM exits), reset to its two peripherals before each test. Skips the class,
 * saying why, when dbus-daemon or the Python D-Bus bindings are missing, except under
 * {@code CI=true}, where that is an error.
 *
 * <p>The bus listens on the socket named by system property {@value #SOCKET_PROPERTY} (the Maven
 * build sets it, and sets {@code DBUS_SYSTEM_BUS_ADDRESS} to the same socket for the test JVM, which
 * TinyB needs), else in a temporary directory.
 */
public final class FakeBluezExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    public static final String SOCKET_PROPERTY = "fakebluez.socket";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FakeBluezExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> missing = FakeBluez.missingTools();
        if (missing.isPresent() && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but the fake BlueZ cannot run: " + missing.get()
                    + " (.ci/run must install dbus-daemon, python3-dbus and python3-gi)");
        }
        assumeTrue(missing.isEmpty(), () -> "skipping BLE backend tests against the fake BlueZ: " + missing.orElse(""));
        fake(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fake(context).control().Reset();
    }

    /**
     * The shared fake, started on first call. It is deliberately not closed when the JUnit run ends
     * but when the JVM exits: TinyB's GIO connection raises SIGTERM in the JVM when its system bus
     * goes away, so the bus must outlive every TinyB user.
     */
    public static FakeBluez fake(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("fake", k -> {
            try {
                return new Shared(FakeBluez.start(socket(), Optional.of(List.of(
                        "--device", "lovense," + FakeBluez.LOVENSE, "--device", "wevibe," + FakeBluez.WEVIBE))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake BlueZ", e);
            }
        }, Shared.class).fake();
    }

    /** Not AutoCloseable on purpose, see {@link #fake}. */
    private record Shared(FakeBluez fake) {
    }

    /** Where the shared bus listens. */
    public static Path socket() throws IOException {
        String configured = System.getProperty(SOCKET_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Files.createTempDirectory("fakebluez").resolve("system_bus_socket");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeBluez.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return fake(context);
    }
}
