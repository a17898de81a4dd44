package io.github.buttplugjava.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code buttplug chatplays}: options that cannot work exit 2 with one line saying why; passwords come from env or file. */
class ChatPlaysOptionsTest {

    private static final String[] IRC = {"chatplays", "--irc-server", "127.0.0.1", "--nick", "bot", "--channel", "#stream"};

    @TempDir
    Path dir;

    /** Runs the command line; returns the status and what it wrote on stderr. */
    private static Map.Entry<Integer, String> run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = Cli.commandLine().execute(args);
            return Map.entry(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private static String[] with(String... more) {
        String[] all = new String[IRC.length + more.length];
        System.arraycopy(IRC, 0, all, 0, IRC.length);
        System.arraycopy(more, 0, all, IRC.length, more.length);
        return all;
    }

    @Test
    void optionsThatCannotWorkExit2WithWhy() {
        assertThat(run("chatplays", "--simulate", "lovense")).satisfies(r -> {
            assertThat(r.getKey()).isEqualTo(2);
            assertThat(r.getValue()).startsWith("buttplug chatplays: Missing required options").contains("see 'buttplug chatplays --help'");
        });
        assertThat(run(IRC)).satisfies(r -> assertThat(r.getValue()).contains("--control-url", "--simulate"));
        assertThat(run(with("--simulate", "lovense", "--control-url", "ws://127.0.0.1:1/control/x")).getKey()).isEqualTo(2);
        assertRefused(with("--control-url", "http://127.0.0.1:1/control/x"), "--control-url must be a ws:// or wss://");
        assertRefused(with("--simulate", "lovense", "--max", "1.5"), "--max must be within (0, 1]");
        assertRefused(with("--simulate", "lovense", "--max", "0"), "--max must be within (0, 1]");
        assertRefused(with("--simulate", "lovense", "--window", "1s", "--pulse", "2s"), "--pulse must be positive and shorter than --window");
        assertRefused(with("--simulate", "lovense", "--burst", "0"), "--burst must be at least 1");
        assertRefused(with("--simulate", "lovense", "--max-chatters", "1000000"), "--max-chatters must be from 1 to 100000");
        assertRefused(with("--simulate", "lovense", "--window", "soon"), "'soon' is not a duration");
        assertRefused(with("--simulate", "nosuchtoy"), "--simulate: no simulated toy 'nosuchtoy'");
        assertRefused(with("--simulate", "lovense", "--password-env", "CHATPLAYS_TEST_SURELY_UNSET_VARIABLE"),
                "the environment variable CHATPLAYS_TEST_SURELY_UNSET_VARIABLE is not set");
        assertRefused(with("--simulate", "lovense", "--password-file", dir.resolve("missing").toString()), "--password-file: cannot read");
        assertRefused(new String[] {"chatplays", "--irc-server", "127.0.0.1", "--nick", "bot", "--channel", "stream", "--simulate", "lovense"},
                "a channel starts with #");
        assertRefused(new String[] {"chatplays", "--irc-server", "127.0.0.1", "--nick", "bad nick", "--channel", "#s", "--simulate", "lovense"},
                "a nick is 1 to 64 of");
    }

    private static void assertRefused(String[] args, String why) {
        Map.Entry<Integer, String> r = run(args);
        assertThat(r.getKey()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.getValue()).as(String.join(" ", args)).startsWith("buttplug chatplays: ").contains(why);
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrAFileAndNeverShows() throws Exception {
        IrcOptions env = parse(with("--simulate", "lovense", "--password-env", "TWITCH_TOKEN")).irc;
        assertThat(env.settings(Map.of("TWITCH_TOKEN", " oauth:secret-from-env \n")).password()).isEqualTo("oauth:secret-from-env");

        Path file = Files.writeString(dir.resolve("token"), "oauth:secret-from-file\nsecond line ignored\n");
        IrcOptions fromFile = parse(with("--simulate", "lovense", "--password-file", file.toString(), "--tls")).irc;
        var settings = fromFile.settings(Map.of());
        assertThat(settings.password()).isEqualTo("oauth:secret-from-file");
        assertThat(settings.port()).as("TLS's port by default").isEqualTo(6697);
        assertThat(settings.toString()).doesNotContain("secret").contains("with a password");

        IrcOptions both = parse(with("--simulate", "lovense", "--password-file", file.toString(), "--password-env", "X")).irc;
        assertThatThrownBy(() -> both.settings(Map.of("X", "y"))).hasMessageContaining("not both");
        Path big = Files.write(dir.resolve("big"), new byte[(int) IrcOptions.MAX_PASSWORD_FILE + 1]);
        IrcOptions tooBig = parse(with("--simulate", "lovense", "--password-file", big.toString())).irc;
        assertThatThrownBy(() -> tooBig.settings(Map.of())).hasMessageContaining("bigger than");
        assertThat(parse(with("--simulate", "lovense")).irc.settings(Map.of()).port()).isEqualTo(6667);
    }

    private static ChatPlaysCommand parse(String... args) {
        return (ChatPlaysCommand) Cli.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
    }
}
