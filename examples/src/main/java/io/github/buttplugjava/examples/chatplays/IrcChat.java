package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.core.PeerText;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.channel.RequestedChannelJoinCompleteEvent;
import org.kitteh.irc.client.library.event.connection.ClientConnectionEndedEvent;
import org.kitteh.irc.client.library.exception.KittehNagException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The bot's IRC link, on KittehIRCClientLib: connects, joins one channel, hands each channel
 * message (nick, text) to a consumer and sends the bot's lines to the channel. It never reconnects
 * on its own: when the link ends, {@link #ended()} completes and the bot stops its toys.
 *
 * <p>The password goes to the server only; nothing here logs it or the raw IRC lines.
 */
public final class IrcChat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IrcChat.class);

    private final IrcSettings settings;
    private final Client client;
    private final CompletableFuture<Void> joined = new CompletableFuture<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();

    private IrcChat(IrcSettings settings, TrustManagerFactory trust, BiConsumer<String, String> messages) {
        this.settings = settings;
        Client.Builder.Server server = Client.builder().nick(settings.nick()).user(settings.nick()).realName("buttplug-java chatplays")
                .listeners().exception(IrcChat::problem)
                .input(null).output(null).then()
                .server().host(settings.host())
                .port(settings.port(), settings.tls() ? Client.Builder.Server.SecurityType.SECURE
                        : Client.Builder.Server.SecurityType.INSECURE);
        if (settings.tls()) {
            server.secureTrustManagerFactory(trust);
        }
        if (settings.password() != null) {
            server.password(settings.password());
        }
        this.client = server.then().build();
        client.getEventManager().registerEventListener(new Events(messages));
    }

    /**
     * Connects and joins the channel.
     *
     * @param settings where to chat
     * @param messages gets (nick, text) of each message in the channel, on the IRC client's thread
     * @return the link, connecting; see {@link #joined()} and {@link #ended()}
     */
    public static IrcChat connect(IrcSettings settings, BiConsumer<String, String> messages) {
        return connect(settings, jdkTrust(), messages);
    }

    /** {@link #connect(IrcSettings, BiConsumer)} trusting what {@code trust} trusts (tests: their own certificate). */
    static IrcChat connect(IrcSettings settings, TrustManagerFactory trust, BiConsumer<String, String> messages) {
        IrcChat chat = new IrcChat(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(trust, "trust"),
                Objects.requireNonNull(messages, "messages"));
        chat.client.addChannel(settings.channel());
        log.info("irc: connecting to {}", settings);
        chat.client.connect();
        return chat;
    }

    /**
     * Completes when the bot is in the channel.
     *
     * @return the join; fails when the link ends first
     */
    public CompletableFuture<Void> joined() {
        return joined;
    }

    /**
     * Completes once, when the link ends (dropped, refused, or closed here), with why.
     *
     * @return the end, with a short reason
     */
    public CompletableFuture<String> ended() {
        return ended;
    }

    /**
     * Sends one line to the channel (the IRC client paces what it sends).
     *
     * @param text the line; line breaks become spaces
     */
    public void say(String text) {
        client.sendMessage(settings.channel(), text.replace('\r', ' ').replace('\n', ' '));
    }

    /** Leaves IRC; {@link #ended()} completes. Idempotent. */
    @Override
    public void close() {
        client.shutdown("chatplays stopped");
        end("closed by the bot");
    }

    /** What the IRC client reports: its nags (an insecure link, say) at debug, the rest at warn; capped peer text. */
    private static void problem(Exception e) {
        if (e instanceof KittehNagException) {
            log.debug("irc: {}", PeerText.error(e.getMessage()));
        } else {
            log.warn("irc: {}", PeerText.error(String.valueOf(e)));
        }
    }

    private void end(String why) {
        if (ended.complete(why)) {
            joined.completeExceptionally(new IllegalStateException("the IRC link ended: " + why));
        }
    }

    private static TrustManagerFactory jdkTrust() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            return trust;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's trusted certificates cannot be read", e);
        }
    }

    /** The Kitteh event handlers (public: the event bus calls them by reflection). */
    public final class Events {

        private final BiConsumer<String, String> messages;

        Events(BiConsumer<String, String> messages) {
            this.messages = messages;
        }

        /**
         * A channel message: passed on when it is in the bot's channel.
         *
         * @param event the message
         */
        @Handler
        public void message(ChannelMessageEvent event) {
            if (event.getChannel().getName().equalsIgnoreCase(settings.channel())) {
                messages.accept(event.getActor().getNick(), event.getMessage());
            }
        }

        /**
         * The bot is in its channel.
         *
         * @param event the join
         */
        @Handler
        public void joined(RequestedChannelJoinCompleteEvent event) {
            if (event.getChannel().getName().equalsIgnoreCase(settings.channel())) {
                log.info("irc: in {}", PeerText.name(event.getChannel().getName()));
                joined.complete(null);
            }
        }

        /**
         * The link ended: no reconnection (the toys stop; the operator starts the bot again).
         *
         * @param event the end
         */
        @Handler
        public void ended(ClientConnectionEndedEvent event) {
            event.setAttemptReconnect(false);
            String why = event.getCause().map(c -> PeerText.error(String.valueOf(c.getMessage()))).orElse("the connection closed");
            log.info("irc: the link ended: {}", why);
            end(why);
            client.shutdown();
        }
    }
}
