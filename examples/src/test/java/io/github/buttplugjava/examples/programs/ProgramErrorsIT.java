package io.github.buttplugjava.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every way of starting {@code buttplug.jar} wrong, run as its own process: one line saying what is
 * wrong, one line pointing at the help, exit status 2; nothing on stdout.
 */
class ProgramErrorsIT {

    private static final String TOKEN = "share-token-for-programs-0123456789";

    /** Runs the jar with {@code args} and no input; returns it once it has ended. */
    private static JarProcess run(String... args) throws Exception {
        JarProcess p = JarProcess.start(args);
        p.endInput();
        p.exitStatus();
        return p;
    }

    private static void assertOptionError(JarProcess p, int status, String command, String message) {
        List<String> lines = p.err().lines().toList();
        assertThat(status).as(p.err()).isEqualTo(2);
        assertThat(lines).as(p.err()).hasSize(2);
        assertThat(lines.get(0)).startsWith("buttplug" + (command.isEmpty() ? "" : " " + command) + ": ").contains(message);
        assertThat(lines.get(1)).isEqualTo("see 'buttplug" + (command.isEmpty() ? "" : " " + command) + " --help'");
        assertThat(p.out()).isEmpty();
    }

    @Test
    void buttplugAloneListsTheCommandsAndExitsTwo() throws Exception {
        try (JarProcess p = JarProcess.start()) {
            p.endInput();
            assertThat(p.exitStatus()).isEqualTo(2);
            assertThat(p.err()).contains("give a command", "serve ", "hub ", "share ", "control ", "demo ",
                    "see 'buttplug COMMAND --help'");
            assertThat(p.out()).isEmpty();
        }
    }

    @Test
    void aMalformedOptionValueIsOneLineAndAHint() throws Exception {
        try (JarProcess p = run("share", "--max", "0.5")) {
            assertOptionError(p, p.exitStatus(), "share", "should be in KEY=VALUE format but was 0.5");
        }
    }

    @Test
    void aLevelOutOfRangeSaysSoInTheOptionsOwnTerms() throws Exception {
        try (JarProcess p = run("share", "--hub", "ws://127.0.0.1:9/share", "--token", TOKEN, "--alias", "A",
                "--simulate", "lovense", "--max", "vibrate=1.5")) {
            assertOptionError(p, p.exitStatus(), "share", "--max vibrate=1.5: the level must be more than 0 and at most 1");
            assertThat(p.err()).doesNotContain("maxLevel");
        }
    }

    @Test
    void aPortThatIsNoNumber() throws Exception {
        try (JarProcess p = run("serve", "--port", "x")) {
            assertOptionError(p, p.exitStatus(), "serve", "'x' is not an int");
        }
    }

    @Test
    void anUnknownCommand() throws Exception {
        try (JarProcess p = run("shar")) {
            assertOptionError(p, p.exitStatus(), "", "'shar'");
        }
    }

    @Test
    void anUnknownLogLevel() throws Exception {
        try (JarProcess p = run("hub", "--log-level", "loud")) {
            assertOptionError(p, p.exitStatus(), "hub", "loud");
        }
    }

    @Test
    void shareWithAnHttpUrlEndsAtOnce() throws Exception {
        try (JarProcess p = run("share", "--hub", "http://127.0.0.1:9/share", "--token", TOKEN, "--alias", "A",
                "--simulate", "lovense")) {
            assertOptionError(p, p.exitStatus(), "share", "--hub must be a ws:// or wss:// address, not 'http://127.0.0.1:9/share'");
        }
    }

    @Test
    void shareWithoutToysOrServer() throws Exception {
        try (JarProcess p = run("share", "--hub", "ws://127.0.0.1:9/share", "--token", TOKEN, "--alias", "A")) {
            assertOptionError(p, p.exitStatus(), "share", "give either toys");
        }
    }

    @Test
    void shareWithAGrantForAToyThatCannotWork() throws Exception {
        try (JarProcess p = run("share", "--hub", "ws://127.0.0.1:9/share", "--token", TOKEN, "--alias", "A",
                "--simulate", "lovense", "--device", "Lovense Hush", "--max", "tickle=0.5")) {
            assertOptionError(p, p.exitStatus(), "share", "--device lovense hush: unknown output 'tickle'");
        }
    }

    @Test
    void controlWithAnHttpUrl() throws Exception {
        try (JarProcess p = run("control", "--url", "http://127.0.0.1:9/control/x")) {
            assertOptionError(p, p.exitStatus(), "control", "--url must be a ws:// or wss:// address");
        }
    }

    @Test
    void controlThatCannotConnectSaysWhereWithoutTheTokenAndExitsOne() throws Exception {
        try (JarProcess p = run("control", "--url", "ws://127.0.0.1:9/control/secret-token-0123456789abcdef")) {
            assertThat(p.exitStatus()).isEqualTo(1);
            assertThat(p.err()).startsWith("buttplug control: cannot connect to ws://127.0.0.1:9/...")
                    .doesNotContain("secret-token");
        }
    }

    @Test
    void versionComesFromTheBuild() throws Exception {
        try (JarProcess p = run("--version")) {
            assertThat(p.exitStatus()).isZero();
            assertThat(p.out().strip()).matches("buttplug-java \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        }
    }

    @Test
    void quietKeepsStderrEmptyAndTheProgramsOwnOutputOnStdout() throws Exception {
        try (JarProcess p = JarProcess.start("hub", "--port", "0", "--quiet")) {
            p.awaitOut("Ctrl-C stops the hub");
            assertThat(p.out()).contains("Share URL:", "Control URL:");
            assertThat(p.err()).isEmpty();
        }
        try (JarProcess p = JarProcess.start("hub", "--port", "0")) {
            p.awaitErr("INFO RemoteServer - hub listening on ws://127\\.0\\.0\\.1:");
            p.awaitOut("Ctrl-C stops the hub");
            assertThat(p.out()).doesNotContain("INFO");
        }
    }
}
