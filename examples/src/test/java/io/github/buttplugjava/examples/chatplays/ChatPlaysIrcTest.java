package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot against a real IRC server (ngircd on 127.0.0.1) and a real hub with a simulated toy
 * (Lovense Hush, vibrator 0..20) shared in full: scripted chatters on plain sockets, assertions on
 * what reaches the toy. The bot's windows and rates run on a virtual clock the test moves, so
 * which messages share a window does not depend on the machine's speed.
 */
class ChatPlaysIrcTest {

    private static final String CHANNEL = "#stream";
    private static final ChatPlaysSettings SETTINGS = new ChatPlaysSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
            1, Duration.ofSeconds(2), 100, Duration.ofSeconds(5));
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Ngircd irc;
    private SimulatedRoom room;
    private SimulatedDevice toy;
    private ChatPlaysBot bot;
    private final VirtualTime time = new VirtualTime();
    private final List<IrcChatter> chatters = new ArrayList<>();

    /** Everything logged (slf4j-simple writes to System.err) while the test runs, to check the password never shows. */
    private final java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
    private final java.io.PrintStream originalErr = System.err;

    @BeforeEach
    void start() throws Exception {
        System.setErr(new java.io.PrintStream(new Tee(), true));
        irc = Ngircd.start(dir);
        room = SimulatedRoom.start(List.of("lovense"));
        toy = room.toys().devices().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        for (IrcChatter c : chatters) {
            c.close();
        }
        if (bot != null) {
            bot.close();
            bot.ended().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        if (room != null) {
            room.close();
        }
        if (irc != null) {
            irc.close();
        }
        System.setErr(originalErr);
        if (irc == null) {
            return; // ngircd is missing and the test was skipped: nothing ran, nothing was logged
        }
        assertThat(logged.toString(java.nio.charset.StandardCharsets.UTF_8)).as("the log").isNotEmpty()
                .doesNotContain(Ngircd.PASSWORD);
    }

    private IrcSettings ircSettings() {
        return new IrcSettings("127.0.0.1", irc.port(), false, "chatbot", CHANNEL, Ngircd.PASSWORD);
    }

    private IrcChatter chatter(String nick) throws Exception {
        IrcChatter c = IrcChatter.join(irc.port(), nick, CHANNEL);
        chatters.add(c);
        return c;
    }

    @Test
    void chatDrivesTheToyThroughTheBotsCeilingWithRatesMedianAndStop() throws Exception {
        ButtplugClient controller = room.connectBot(0.5).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        bot = ChatPlaysBot.start(ircSettings(), SETTINGS, controller, 1.0, time.scheduling());
        bot.joined().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        time.awaitScheduledWithin(Duration.ofSeconds(3), WAIT);
        IrcChatter alice = chatter("alice");
        IrcChatter bob = chatter("bob");
        IrcChatter carol = chatter("carol");

        alice.say("!vibe 20");
        bob.say("!vibe 80");
        carol.say("!vibe 60");
        carol.say("!vibe 100");
        alice.say("hi chat, not a command");
        awaitCounts(4, 1);
        time.advance(Duration.ofSeconds(3));
        // the median of 20, 80, 60 (carol's 100 was over her rate) is 60 %: 6 of the 0..10 the
        // ceiling of 0.5 leaves of the toy's 0..20
        toy.awaitOutput(0, c -> c.value() == 6, WAIT);
        assertThat(bot.chat().current()).isEqualTo(new Decision(60, false, 3));

        alice.say("!vibe 100");
        bob.say("!vibe 100");
        carol.say("!VIBE 100%");
        awaitCounts(7, 1);
        time.advance(Duration.ofSeconds(3));
        toy.awaitOutput(0, c -> c.value() == 10, WAIT);

        IrcChatter dave = chatter("dave");
        dave.say("!stop");
        awaitCounts(8, 1);
        // no time passes: the stop acts at once
        await(() -> toy.outputValue(0, OutputType.VIBRATE) == 0, "the toy stops");
        assertThat(toy.outputs(0).stream().mapToInt(OutputCommand::value).max().orElse(0))
                .as("the ceiling held whatever chat said").isEqualTo(10);

        dave.say("!help");
        String help = alice.await(":chatbot!");
        assertThat(help).startsWith(":chatbot!").contains("!vibe 0-100", "!stop");
    }

    @Test
    void byControlUrlTheIrcLinkDroppingStopsTheToy() throws Exception {
        ButtplugClient controller = ButtplugClient.builder("chatplays test").build();
        controller.connect(WebSocketConnector.to(room.hub().controlUri(room.room()))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        bot = ChatPlaysBot.start(ircSettings(), SETTINGS, controller, 0.25, time.scheduling());
        bot.joined().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        time.awaitScheduledWithin(Duration.ofSeconds(3), WAIT);
        IrcChatter alice = chatter("alice");
        alice.say("!vibe 100");
        awaitCounts(1, 0);
        time.advance(Duration.ofSeconds(3));
        // the bot's own --max of 0.25 on the toy's full 0..20
        toy.awaitOutput(0, c -> c.value() == 5, WAIT);

        irc.crash();
        await(() -> toy.outputValue(0, OutputType.VIBRATE) == 0, "the toy stops when IRC drops");
        assertThat(bot.ended().get(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("the IRC link ended");
        await(() -> !controller.isConnected(), "the bot leaves the hub too");
        assertThat(toy.outputValue(0, OutputType.VIBRATE)).isZero();
    }

    @Test
    void theHubLinkClosingEndsTheBotAndItLeavesIrc() throws Exception {
        ButtplugClient controller = room.connectBot(1.0).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        bot = ChatPlaysBot.start(ircSettings(), SETTINGS, controller, 1.0, time.scheduling());
        bot.joined().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        IrcChatter alice = chatter("alice");
        alice.say("!vibe 50");
        awaitCounts(1, 0);
        time.advance(Duration.ofSeconds(3));
        toy.awaitOutput(0, c -> c.value() == 10, WAIT);

        room.room().revokeController(SimulatedRoom.CONTROLLER);
        await(() -> toy.outputValue(0, OutputType.VIBRATE) == 0, "the hub stops what the bot set");
        assertThat(bot.ended().get(WAIT.toSeconds(), TimeUnit.SECONDS)).startsWith("the link to the hub closed");
        assertThat(alice.await(" QUIT ")).startsWith(":chatbot!");
    }

    private void awaitCounts(long commands, long overRate) throws InterruptedException {
        await(() -> bot.chat().counts().commands() >= commands, "the bot reads " + commands + " command(s)");
        assertThat(bot.chat().counts()).isEqualTo(new ChatPlays.Counts(commands, overRate));
    }

    /** Passes System.err through and keeps a copy (bounded: 16 MiB). */
    private final class Tee extends java.io.OutputStream {
        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (logged) {
                if (logged.size() < (16 << 20)) {
                    logged.write(b, off, len);
                }
            }
            originalErr.write(b, off, len);
        }
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out: " + what);
            }
            new java.util.concurrent.LinkedBlockingQueue<>().poll(10, TimeUnit.MILLISECONDS);
        }
    }
}
