package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The running bot: chat from an {@link IrcChat} goes through {@link ChatPlays} to the toys of a
 * hub room, driven by one controller client (in-process or by control URL). Either link ending
 * ends the bot: it stops the toys, disconnects the controller (so the hub stops whatever it set,
 * even if the stop got lost) and leaves IRC, then {@link #ended()} completes.
 *
 * <p>Thread-safe.
 */
public final class ChatPlaysBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatPlaysBot.class);

    /** How long the bot waits for the toys to take the stop before it drops the controller link anyway. */
    private static final long STOP_WAIT_MS = 2_000;

    private final ButtplugClient controller;
    private final ChatPlays chat;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private volatile IrcChat irc;
    private boolean ending;

    private ChatPlaysBot(ButtplugClient controller, ChatPlaysSettings settings, double maxLevel, Scheduling scheduling) {
        this.controller = controller;
        this.chat = new ChatPlays(settings, new RoomToys(controller, maxLevel), scheduling, line -> {
            IrcChat link = irc;
            if (link != null) {
                link.say(line);
            }
        });
    }

    /**
     * Starts the bot: joins the channel and starts the windows.
     *
     * @param irc        where to chat
     * @param settings   windows, rates and bounds
     * @param controller a connected controller client of the room; the bot owns it from now on
     * @param maxLevel   the highest level the bot sends, in (0, 1] (see {@link RoomToys})
     * @param scheduling where the windows tick
     * @return the bot; see {@link IrcChat#joined()} through {@link #joined()}
     */
    public static ChatPlaysBot start(IrcSettings irc, ChatPlaysSettings settings, ButtplugClient controller, double maxLevel,
                                     Scheduling scheduling) {
        Objects.requireNonNull(irc, "irc");
        ChatPlaysBot bot = new ChatPlaysBot(Objects.requireNonNull(controller, "controller"), settings, maxLevel, scheduling);
        controller.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                bot.end("the link to the hub closed" + (cause == null ? "" : ": " + PeerText.error(cause.getMessage())));
            }
        });
        IrcChat link = IrcChat.connect(irc, bot.chat::onMessage);
        bot.irc = link;
        link.ended().thenAccept(why -> bot.end("the IRC link ended: " + why));
        bot.chat.start();
        if (!controller.isConnected()) {
            bot.end("the link to the hub closed before the bot started");
        }
        return bot;
    }

    /**
     * Completes when the bot is in its channel.
     *
     * @return the join; fails when the IRC link ends first
     */
    public CompletableFuture<Void> joined() {
        return irc.joined();
    }

    /**
     * Completes once the bot has ended (toys stopped, controller disconnected, IRC left), with why.
     *
     * @return the end
     */
    public CompletableFuture<String> ended() {
        return ended;
    }

    /**
     * The rules the bot runs (for what it decided last).
     *
     * @return the chat rules
     */
    public ChatPlays chat() {
        return chat;
    }

    /** Ends the bot: the toys stop first. Idempotent. */
    @Override
    public void close() {
        end("the bot was stopped");
    }

    private void end(String why) {
        synchronized (this) {
            if (ending) {
                return;
            }
            ending = true;
        }
        log.info("chatplays: ending ({}); stopping the toys", why);
        chat.stop().orTimeout(STOP_WAIT_MS, TimeUnit.MILLISECONDS)
                .handle((v, e) -> controller.isConnected() ? controller.disconnect() : CompletableFuture.<Void>completedFuture(null))
                .thenCompose(f -> f)
                .whenComplete((v, e) -> {
                    IrcChat link = irc;
                    if (link != null) {
                        link.close();
                    }
                    ended.complete(why);
                });
    }
}
