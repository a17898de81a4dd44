package io.github.buttplugjava.examples.programs;

import io.github.buttplugjava.examples.chatplays.IrcChatter;
import io.github.buttplugjava.examples.chatplays.Ngircd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code buttplug chatplays --simulate lovense} run from the jar against ngircd on 127.0.0.1: a
 * chatter's {@code !vibe 100} reaches the simulated toy at the bot's ceiling, and the IRC server
 * dying stops the toy and ends the program with status 1. The password never shows.
 */
class ChatPlaysJarIT {

    @TempDir
    Path dir;

    @Test
    void chatDrivesTheSimulatedRoomAndTheIrcServerDyingStopsItWithStatus1() throws Exception {
        try (Ngircd irc = Ngircd.start(dir)) {
            Path password = Files.writeString(dir.resolve("password"), Ngircd.PASSWORD + "\n");
            try (JarProcess bot = JarProcess.start("chatplays", "--irc-server", "127.0.0.1", "--irc-port", String.valueOf(irc.port()),
                    "--nick", "chatbot", "--channel", "#stream", "--password-file", password.toString(),
                    "--simulate", "lovense", "--max", "0.5", "--window", "1s", "--pulse", "500ms")) {
                bot.awaitOut("chatplays: 1 toy\\(s\\); joining #stream");
                bot.awaitOut("chatplays: in #stream, reading chat.");
                try (IrcChatter alice = IrcChatter.join(irc.port(), "alice", "#stream")) {
                    alice.say("!vibe 100");
                    bot.awaitErr("Lovense Hush: Vibrate feature 0 -> 10/20");
                    irc.crash();
                    assertThat(bot.exitStatus()).as(bot.err()).isEqualTo(1);
                }
                assertThat(bot.err()).contains("buttplug chatplays: the IRC link ended").contains("the toys were stopped")
                        .contains("Lovense Hush: stop").doesNotContain(Ngircd.PASSWORD);
                assertThat(JarProcess.lines(bot.err(), l -> l.matches(".*Vibrate feature 0 -> (1[1-9]|20)/20.*")))
                        .as("never above the ceiling of 0.5").isEmpty();
                assertThat(bot.out()).doesNotContain(Ngircd.PASSWORD);
            }
        }
    }
}
