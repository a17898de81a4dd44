package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bot's rules, on a clock: chat lines come in through {@link #onMessage}; each chatter is held
 * to its rate ({@link ChatterRates}); every window the chat decides one level ({@link ChatWindow})
 * and the {@link Toys} run at it until the next window closes. {@code !stop} is never rate-limited
 * and acts at once: the toys stop now, and that window decides a stop. {@code !help} and bad
 * arguments are answered in the chat, at most once per {@link ChatPlaysSettings#replyEvery()}.
 *
 * <p>Time comes from the {@link Scheduling} (its scheduler only hands ticks to its executor), so
 * a test runs the windows on a virtual clock. Thread-safe: chat lines may come from any thread.
 */
public final class ChatPlays implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatPlays.class);

    /** The most characters of a chat line or nick that reach the log. */
    private static final int LOG_TEXT = 80;

    private final ChatPlaysSettings settings;
    private final Toys toys;
    private final Scheduling scheduling;
    private final Consumer<String> say;
    private final ChatterRates rates;
    private final ChatWindow window;
    private ScheduledFuture<?> ticks;
    private ScheduledFuture<?> pulseEnd;
    private Decision current = Decision.STOP;
    /** Counts ticks and stops, so a pulse ending late never brings back a level that was replaced. */
    private long generation;
    private long lastReplyNanos;
    private long commands;
    private long overRate;
    private boolean replied;
    private boolean closed;

    /**
     * @param settings   windows, rates and bounds
     * @param toys       what the chat drives
     * @param scheduling where windows tick and what clock rates are measured with
     * @param say        sends one line to the chat (help, errors); called under the bot's lock, must not block
     */
    public ChatPlays(ChatPlaysSettings settings, Toys toys, Scheduling scheduling, Consumer<String> say) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.toys = Objects.requireNonNull(toys, "toys");
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        this.say = Objects.requireNonNull(say, "say");
        this.rates = new ChatterRates(settings.burst(), settings.refillEvery(), settings.maxChatters());
        this.window = new ChatWindow(settings.maxChatters());
    }

    /**
     * Starts the windows: the first closes one window from now.
     *
     * @throws IllegalStateException when started already or closed
     */
    public synchronized void start() {
        if (ticks != null || closed) {
            throw new IllegalStateException("this bot was started already");
        }
        long every = settings.window().toNanos();
        ticks = scheduling.scheduler().scheduleAtFixedRate(() -> scheduling.executor().execute(this::tick),
                every, every, TimeUnit.NANOSECONDS);
    }

    /**
     * One chat line from {@code nick}. Lines that are not commands are ignored.
     *
     * @param nick the chatter (any text; capped and escaped before it is logged)
     * @param text the line
     */
    public void onMessage(String nick, String text) {
        Optional<ChatCommand> parsed = ChatCommand.parse(text);
        if (parsed.isEmpty()) {
            return;
        }
        ChatCommand command = parsed.get();
        synchronized (this) {
            if (closed) {
                return;
            }
            commands++;
            if (command instanceof ChatCommand.Stop) {
                log.info("chat: {} asked for a stop", PeerText.clean(nick, LOG_TEXT));
                window.add(nick, command);
                stopNow();
                return;
            }
            long now = scheduling.nanoTime();
            if (!rates.tryTake(nick, now)) {
                overRate++;
                log.debug("chat: {} is over its rate; dropped {}", PeerText.clean(nick, LOG_TEXT), PeerText.clean(text, LOG_TEXT));
                return;
            }
            if (command instanceof ChatCommand.Help) {
                reply(now, help());
            } else if (command instanceof ChatCommand.Invalid invalid) {
                reply(now, PeerText.clean(nick, ChatterRates.MAX_NICK) + ": " + invalid.why());
            } else if (!window.add(nick, command)) {
                log.debug("chat: this window is full; {} waits for the next", PeerText.clean(nick, LOG_TEXT));
            }
        }
    }

    /**
     * What the bot has read so far.
     *
     * @return the counts
     */
    public synchronized Counts counts() {
        return new Counts(commands, overRate);
    }

    /**
     * What the bot has read so far.
     *
     * @param commands every command read (lines that are not commands are not counted)
     * @param overRate the commands dropped because their chatter was over its rate
     */
    public record Counts(long commands, long overRate) {
    }

    /**
     * The level the toys were last set to by a window (0 after a stop).
     *
     * @return the decision in force
     */
    public synchronized Decision current() {
        return current;
    }

    /**
     * Stops the windows and the toys. Idempotent.
     *
     * @return completes when the toys took the stop
     */
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            if (!closed) {
                closed = true;
                if (ticks != null) {
                    ticks.cancel(false);
                }
            }
            return stopNow();
        }
    }

    /** {@link #stop()}, without waiting. */
    @Override
    public void close() {
        stop();
    }

    /** The help line the bot answers {@code !help} with. */
    String help() {
        return "!vibe 0-100: your level (every " + seconds(settings.window()) + " the median of chat's wins) | !pulse: a "
                + seconds(settings.pulse()) + " burst | !stop: everything stops now | " + settings.burst()
                + " commands at once, then one per " + seconds(settings.refillEvery());
    }

    private void tick() {
        synchronized (this) {
            if (closed) {
                return;
            }
            Decision decision = window.close();
            Decision before = current;
            current = decision;
            long mine = ++generation;
            cancelPulse();
            if (!decision.equals(before)) {
                log.info("chat decided {} % from {} chatter(s){}", decision.percent(), decision.chatters(),
                        decision.pulse() ? ", with a pulse" : "");
            }
            if (decision.pulse()) {
                watch("pulse", toys.level(1.0));
                pulseEnd = scheduling.scheduler().schedule(() -> scheduling.executor().execute(() -> endPulse(mine)),
                        settings.pulse().toNanos(), TimeUnit.NANOSECONDS);
            } else if (decision.percent() == 0) {
                watch("stop", toys.stop());
            } else {
                watch("level", toys.level(decision.percent() / 100.0));
            }
        }
    }

    private synchronized void endPulse(long mine) {
        if (closed || generation != mine) {
            return;
        }
        watch("level after the pulse", current.percent() == 0 ? toys.stop() : toys.level(current.percent() / 100.0));
    }

    /** Under the lock: no pulse may bring a level back, the toys stop now. */
    private CompletableFuture<Void> stopNow() {
        generation++;
        cancelPulse();
        current = Decision.STOP;
        CompletableFuture<Void> stopped = toys.stop();
        watch("stop", stopped);
        return stopped;
    }

    private void cancelPulse() {
        if (pulseEnd != null) {
            pulseEnd.cancel(false);
            pulseEnd = null;
        }
    }

    private void reply(long now, String text) {
        if (replied && now - lastReplyNanos < settings.replyEvery().toNanos()) {
            return;
        }
        replied = true;
        lastReplyNanos = now;
        say.accept(text);
    }

    private static void watch(String what, CompletableFuture<Void> done) {
        done.whenComplete((v, e) -> {
            if (e != null) {
                log.warn("chat: the toys did not take the {}: {}", what, PeerText.error(String.valueOf(e.getMessage())));
            }
        });
    }

    private static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
    }
}
