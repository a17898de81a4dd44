package io.github.buttplugjava.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A program a test needs from the machine (nats-server, haproxy, node): where it is, and what a
 * test does when it is missing. Tests that need such a program must run in CI: under
 * {@code CI=true} a missing one fails the test; elsewhere it is skipped with the reason.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /**
     * The first executable file named one of {@code names} in a directory of {@code PATH}, then of
     * {@code alsoIn} (e.g. {@code /usr/sbin}, where Debian puts daemons, often not on a user's PATH).
     *
     * @param names  the file names to look for, in order, in each directory
     * @param alsoIn directories searched after the PATH's
     * @return the program, or empty when none is found
     */
    public static Optional<Path> find(List<String> names, String... alsoIn) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of(alsoIn));
        for (String dir : dirs) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Never returns: under {@code CI=true} fails the calling test ("CI=true and the {@code tests}
     * cannot run: ..."), elsewhere aborts it, which JUnit reports as skipped ("{@code tests}
     * skipped: ...").
     *
     * @param tests   which tests, e.g. "hub cluster tests"
     * @param message what is missing and how to install it
     * @param <T>     whatever the caller's expression needs
     * @return nothing: it always throws
     */
    public static <T> T missing(String tests, String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail("CI=true and the " + tests + " cannot run: " + message);
        }
        return Assumptions.abort(tests + " skipped: " + message);
    }
}
