package io.github.buttplugjava.examples.chatplays;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A token bucket per chatter: each chatter may send {@code burst} commands at once, then one per
 * {@code refillEvery}. Nicks are compared case-insensitively (as IRC does). At most
 * {@code maxChatters} buckets are kept: past that the one used least recently is forgotten (that
 * chatter starts again with a full bucket), so a flood of new nicks costs bounded memory.
 *
 * <p>Time is given by the caller (nanoseconds, only differences count), so tests move it by hand.
 * Not thread-safe: {@link ChatPlays} calls it under its own lock.
 */
public final class ChatterRates {

    /** The longest nick kept as a key; longer ones are cut (IRC servers cut far shorter). */
    static final int MAX_NICK = 64;

    private final int burst;
    private final long refillNanos;
    private final Map<String, Bucket> buckets;

    /**
     * @param burst       how many commands a chatter may send at once, at least 1
     * @param refillEvery how long it takes to earn one more, positive
     * @param maxChatters the most chatters remembered, at least 1
     * @throws IllegalArgumentException when a bound is out of range
     */
    public ChatterRates(int burst, Duration refillEvery, int maxChatters) {
        if (burst < 1 || maxChatters < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("burst and maxChatters must be at least 1 and refillEvery positive");
        }
        this.burst = burst;
        this.refillNanos = refillEvery.toNanos();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxChatters;
            }
        };
    }

    /**
     * Takes one command's token from {@code nick}'s bucket.
     *
     * @param nick      the chatter
     * @param nowNanos  the time now
     * @return whether the chatter had a token (the command may go on); false when it is over its rate
     */
    public boolean tryTake(String nick, long nowNanos) {
        Bucket bucket = buckets.computeIfAbsent(key(nick), k -> new Bucket(burst, nowNanos));
        bucket.refill(nowNanos);
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }

    /**
     * How many chatters are remembered now.
     *
     * @return the number of buckets, at most {@code maxChatters}
     */
    public int size() {
        return buckets.size();
    }

    /** The key of {@code nick}: lower case, at most {@value #MAX_NICK} characters. */
    static String key(String nick) {
        String lower = nick.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_NICK ? lower.substring(0, MAX_NICK) : lower;
    }

    private final class Bucket {
        private double tokens;
        private long lastNanos;

        private Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.lastNanos = nowNanos;
        }

        private void refill(long nowNanos) {
            long elapsed = nowNanos - lastNanos;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + (double) elapsed / refillNanos);
                lastNanos = nowNanos;
            }
        }
    }
}
