package io.github.buttplugjava.examples.chatplays;

import java.util.Objects;

/**
 * Where the bot chats: an IRC server (Twitch chat: {@code irc.chat.twitch.tv}, 6697 with TLS, the
 * password {@code oauth:...}), the bot's nick and the channel it reads.
 *
 * <p>{@link #toString()} never shows the password.
 *
 * @param host     the IRC server's host
 * @param port     its port, 1 to 65535
 * @param tls      whether to speak TLS (the JDK's trusted certificates)
 * @param nick     the bot's nick
 * @param channel  the channel to join, starting with {@code #} or {@code &}
 * @param password the server password (IRC {@code PASS}), or null for none
 */
public record IrcSettings(String host, int port, boolean tls, String nick, String channel, String password) {

    /**
     * @param host     the server's host
     * @param port     its port
     * @param tls      whether to speak TLS
     * @param nick     the bot's nick
     * @param channel  the channel
     * @param password the server password, or null
     * @throws IllegalArgumentException naming what is unusable
     */
    public IrcSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(channel, "channel");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the IRC server must be a host name or address");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the IRC port must be from 1 to 65535");
        }
        if (nick.isEmpty() || nick.length() > 64 || !nick.chars().allMatch(IrcSettings::nickChar)) {
            throw new IllegalArgumentException("a nick is 1 to 64 of A-Z a-z 0-9 - _ [ ] \\ ` ^ { } |");
        }
        if (channel.length() < 2 || channel.length() > 64 || "#&".indexOf(channel.charAt(0)) < 0
                || channel.chars().anyMatch(c -> c <= ' ' || c == ',' || c == 7)) {
            throw new IllegalArgumentException("a channel starts with # (e.g. #mystream), has no spaces or commas, 64 characters at most");
        }
        if (password != null && (password.isEmpty() || password.chars().anyMatch(c -> c == '\r' || c == '\n'))) {
            throw new IllegalArgumentException("the IRC password must be one non-empty line");
        }
    }

    /**
     * These settings with another nick.
     *
     * @param other the nick
     * @return the changed copy
     */
    public IrcSettings withNick(String other) {
        return new IrcSettings(host, port, tls, other, channel, password);
    }

    private static boolean nickChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_[]\\`^{}|".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        return "IrcSettings[" + (tls ? "ircs://" : "irc://") + host + ":" + port + " " + nick + " in " + channel
                + (password == null ? "" : ", with a password") + "]";
    }
}
