package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.sim.SimulatedToy;
import io.github.buttplugjava.examples.chatplays.ChatPlaysBot;
import io.github.buttplugjava.examples.chatplays.ChatPlaysSettings;
import io.github.buttplugjava.examples.chatplays.IrcSettings;
import io.github.buttplugjava.examples.chatplays.SimulatedRoom;
import io.github.buttplugjava.examples.console.Failures;
import io.github.buttplugjava.transport.ws.WebSocketConnector;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code buttplug chatplays}: a chat-plays bot. It reads {@code !vibe N}, {@code !pulse},
 * {@code !stop} and {@code !help} in an IRC channel (Twitch chat speaks IRC) and drives a hub
 * room's toys as one controller: by a hub's control URL, or in-process in a simulated room.
 * Exit status: 1 when the IRC or hub link ends (the toys were stopped first), 2 for options that
 * cannot work; Ctrl-C (SIGINT/SIGTERM) stops the toys in a shutdown hook before the JVM ends.
 */
@Command(name = "chatplays", mixinStandardHelpOptions = true,
        description = {"A chat-plays bot: IRC chat (e.g. Twitch) drives a hub room's toys.",
                "Chat commands: !vibe 0-100, !pulse, !stop (never rate-limited, acts at once), !help.",
                "Every --window the median of each chatter's latest !vibe runs; a quiet window stops the toys.",
                "When the IRC or hub link ends, the toys stop and the bot exits with status 1. See docs/CHATPLAYS.md."})
public final class ChatPlaysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    IrcOptions irc = new IrcOptions();

    @Mixin
    ChatRuleOptions rules = new ChatRuleOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Room room;

    /** Which room the bot drives. */
    static final class Room {
        @Option(names = "--control-url", paramLabel = "URL",
                description = "A hub control URL (ws://127.0.0.1:8080/control/TOKEN) the bot drives as a controller; the hub owner's ceiling for that token holds.")
        URI controlUrl;

        @Option(names = "--simulate", split = ",", paramLabel = "TOY",
                description = "Instead: a hub on 127.0.0.1 with these simulated toys (e.g. lovense,edge), the bot an in-process controller with the --max ceiling.")
        List<String> simulate;
    }

    @Option(names = "--max", paramLabel = "LEVEL", defaultValue = "1.0",
            description = {"The bot's ceiling, a fraction in (0, 1]: !vibe 100 reaches the toys at this share of what each sharer granted.",
                    "With --simulate it is the bot's controller ceiling at the hub; with --control-url the bot scales its own commands. Default: ${DEFAULT-VALUE}."})
    double max;

    @Override
    public Integer call() throws Exception {
        IrcSettings ircSettings;
        ChatPlaysSettings chatSettings;
        try {
            ircSettings = irc.settings(System.getenv());
            chatSettings = rules.settings();
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(spec, e.getMessage());
        }
        if (!(max > 0 && max <= 1)) {
            throw OptionErrors.of(spec, "--max must be within (0, 1], e.g. 0.5");
        }
        if (room.controlUrl != null) {
            String scheme = String.valueOf(room.controlUrl.getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("ws") && !scheme.equals("wss")) {
                throw OptionErrors.of(spec, "--control-url must be a ws:// or wss:// address");
            }
        }
        if (room.simulate != null) {
            for (String toy : room.simulate) {
                if (!SimulatedToy.names().contains(toy)) {
                    throw OptionErrors.of(spec, "--simulate: no simulated toy '" + toy + "'; there are " + SimulatedToy.names());
                }
            }
        }
        SimulatedRoom simulated = null;
        ButtplugClient controller;
        try {
            if (room.simulate != null) {
                simulated = SimulatedRoom.start(room.simulate);
                controller = simulated.connectBot(max).get(10, TimeUnit.SECONDS);
                System.out.println("chatplays: a simulated room with " + room.simulate + " on " + simulated.hub().shareUri().resolve("/"));
            } else {
                controller = ButtplugClient.builder("buttplug-java chatplays").build();
                controller.connect(WebSocketConnector.to(room.controlUrl)).get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.err.println("buttplug chatplays: cannot reach the room: " + Failures.oneLine(e));
            if (simulated != null) {
                simulated.close();
            }
            return 1;
        }
        double botScale = room.simulate != null ? 1.0 : max;
        ChatPlaysBot bot = ChatPlaysBot.start(ircSettings, chatSettings, controller, botScale, Scheduling.defaults());
        Thread hook = new Thread(() -> {
            bot.close();
            try {
                bot.ended().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("buttplug chatplays: stopping: " + Failures.oneLine(e));
            }
        }, "chatplays-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("chatplays: " + controller.devices().size() + " toy(s); joining " + ircSettings.channel()
                + " on " + ircSettings.host() + ":" + ircSettings.port() + ". Ctrl-C stops the toys and leaves.");
        bot.joined().thenRun(() -> System.out.println("chatplays: in " + ircSettings.channel() + ", reading chat."));
        String why = bot.ended().get();
        System.err.println("buttplug chatplays: " + why + "; the toys were stopped.");
        if (simulated != null) {
            simulated.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 0;
        }
        return 1;
    }
}
