package io.github.buttplugjava.examples.chatplays;

import java.time.Duration;

/**
 * How the chat is read: the window length, the pulse, each chatter's rate and the bounds.
 *
 * @param window      how long chat is collected before it decides a level; that level holds for the next window
 * @param pulse       how long a {@code !pulse} burst at full level lasts; shorter than the window
 * @param burst       how many commands a chatter may send at once
 * @param refillEvery how long a chatter waits to earn one more command
 * @param maxChatters the most chatters remembered (rates) and counted (one window)
 * @param replyEvery  the shortest time between two messages of the bot to the chat (help, errors); more are dropped
 */
public record ChatPlaysSettings(Duration window, Duration pulse, int burst, Duration refillEvery, int maxChatters,
                                Duration replyEvery) {

    /** The most chatters a bot may be told to remember: {@value}. */
    public static final int MAX_CHATTERS = 100_000;

    /** Defaults: 3 s windows, 1 s pulses, 3 commands at once then one per 2 s, 10 000 chatters, a reply per 5 s. */
    public static final ChatPlaysSettings DEFAULTS = new ChatPlaysSettings(Duration.ofSeconds(3), Duration.ofSeconds(1),
            3, Duration.ofSeconds(2), 10_000, Duration.ofSeconds(5));

    /**
     * @param window      the window, positive
     * @param pulse       the pulse, positive and shorter than the window
     * @param burst       commands at once, at least 1
     * @param refillEvery the wait for one more command, positive
     * @param maxChatters chatters remembered, 1 to {@value #MAX_CHATTERS}
     * @param replyEvery  the shortest gap between two replies, positive
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public ChatPlaysSettings {
        if (!positive(window)) {
            throw new IllegalArgumentException("the window must be positive");
        }
        if (!positive(pulse) || pulse.compareTo(window) >= 0) {
            throw new IllegalArgumentException("the pulse must be positive and shorter than the window");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("the burst must be at least 1");
        }
        if (!positive(refillEvery)) {
            throw new IllegalArgumentException("the refill time must be positive");
        }
        if (maxChatters < 1 || maxChatters > MAX_CHATTERS) {
            throw new IllegalArgumentException("the most chatters must be from 1 to " + MAX_CHATTERS);
        }
        if (!positive(replyEvery)) {
            throw new IllegalArgumentException("the reply gap must be positive");
        }
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
