package io.github.buttplugjava.examples;

import io.github.buttplugjava.examples.chatplays.IrcSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the {@code chatplays} bot chats, as options; the password comes from the environment or a file, never the command line. */
final class IrcOptions {

    /** The biggest password file read: {@value} bytes (a Twitch token is about 36 characters). */
    static final long MAX_PASSWORD_FILE = 4096;

    @Option(names = "--irc-server", required = true, paramLabel = "HOST",
            description = "The IRC server, e.g. irc.chat.twitch.tv (with --tls) or 127.0.0.1.")
    String server;

    @Option(names = "--irc-port", paramLabel = "PORT", description = "Its port. Default: 6697 with --tls, else 6667.")
    Integer port;

    @Option(names = "--tls", description = "Speak TLS to the IRC server (checked against the JDK's trusted certificates).")
    boolean tls;

    @Option(names = "--nick", required = true, paramLabel = "NICK", description = "The bot's nick (on Twitch: the bot account's login).")
    String nick;

    @Option(names = "--channel", required = true, paramLabel = "CHANNEL", description = "The channel to read, e.g. '#mystream'.")
    String channel;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "Read the IRC server password (on Twitch: oauth:...) from this environment variable.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the IRC server password from the first line of this file.")
    Path passwordFile;

    /**
     * The settings these options give.
     *
     * @param env the environment to read {@code --password-env} from
     * @throws IllegalArgumentException naming the option that cannot work
     */
    IrcSettings settings(Map<String, String> env) {
        if (passwordEnv != null && passwordFile != null) {
            throw new IllegalArgumentException("give --password-env or --password-file, not both");
        }
        String password = null;
        if (passwordEnv != null) {
            password = env.get(passwordEnv);
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("--password-env: the environment variable " + passwordEnv + " is not set");
            }
            password = password.strip();
        } else if (passwordFile != null) {
            password = readPassword(passwordFile);
        }
        int p = port != null ? port : tls ? 6697 : 6667;
        return new IrcSettings(server, p, tls, nick, channel, password);
    }

    private static String readPassword(Path file) {
        try {
            if (Files.size(file) > MAX_PASSWORD_FILE) {
                throw new IllegalArgumentException("--password-file: " + file + " is bigger than " + MAX_PASSWORD_FILE + " bytes");
            }
            String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw new IllegalArgumentException("--password-file: the first line of " + file + " is empty");
            }
            return first;
        } catch (IOException e) {
            throw new IllegalArgumentException("--password-file: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
