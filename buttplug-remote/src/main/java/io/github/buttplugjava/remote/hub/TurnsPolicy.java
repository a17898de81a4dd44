package io.github.buttplugjava.remote.hub;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@link ArbitrationPolicy#turns(Duration)}: the connected controllers queue in their order of
 * arrival; the first one's turn lasts the turn length, then it goes to the back of the queue and
 * its outputs stop (the room's tick). A controller alone keeps the turn, so no tick is due with
 * fewer than two. Holds one entry per connected controller (at most {@link Room#MAX_CONTROLLERS}).
 * Not thread-safe: the room calls it under its lock.
 */
final class TurnsPolicy implements ArbitrationPolicy {

    private final long turnNanos;
    /** The connected controllers in turn order; the first one's turn it is. */
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    /** When the current turn ends (room clock); meaningful while the queue is not empty. */
    private long turnEndsNanos;
    /** The latest time seen, for a {@link #release release(controller, null)} that comes without one. */
    private long lastNowNanos;

    TurnsPolicy(Duration turn) {
        Objects.requireNonNull(turn, "turn");
        if (turn.isNegative() || turn.isZero()) {
            throw new IllegalArgumentException("a turn must be positive");
        }
        this.turnNanos = turn.toNanos();
    }

    @Override
    public void joined(String controller, long nowNanos) {
        lastNowNanos = nowNanos;
        if (queue.contains(controller)) {
            return;
        }
        if (queue.isEmpty()) {
            turnEndsNanos = nowNanos + turnNanos;
        } else if (queue.size() == 1 && nowNanos - turnEndsNanos >= 0) {
            // the holder was alone and kept the turn: its current turn is the one running now
            long over = nowNanos - turnEndsNanos;
            turnEndsNanos += (over / turnNanos + 1) * turnNanos;
        }
        queue.addLast(controller);
    }

    @Override
    public void left(String controller, long nowNanos) {
        lastNowNanos = nowNanos;
        boolean wasHolder = controller.equals(queue.peekFirst());
        queue.remove(controller);
        if (wasHolder) {
            turnEndsNanos = nowNanos + turnNanos;
        }
    }

    @Override
    public void release(String controller, String deviceId) {
        if (deviceId == null) {
            left(controller, lastNowNanos);
        }
        // a stopped device keeps the turn where it is
    }

    @Override
    public Claim claim(String controller, String deviceId, String deviceName, long nowNanos) {
        if (!queue.contains(controller)) {
            joined(controller, nowNanos); // a controller the room did not announce arrives with its command
        }
        lastNowNanos = nowNanos;
        String holder = queue.peekFirst();
        if (controller.equals(holder)) {
            return Claim.grant();
        }
        int place = 0;
        for (String c : queue) {
            if (c.equals(controller)) {
                break;
            }
            place++;
        }
        long left = Math.max(0, turnEndsNanos - nowNanos);
        long yoursIn = left + (place - 1) * turnNanos;
        return Claim.refuse("it is the turn of controller \"" + holder + "\" for " + seconds(left) + " s more; yours comes in "
                + seconds(yoursIn) + " s (turns room: each connected controller drives for " + seconds(turnNanos)
                + " s in order of arrival)");
    }

    @Override
    public OptionalLong nextTick() {
        return queue.size() < 2 ? OptionalLong.empty() : OptionalLong.of(turnEndsNanos);
    }

    @Override
    public List<String> tick(long nowNanos) {
        lastNowNanos = nowNanos;
        if (queue.size() < 2 || nowNanos - turnEndsNanos < 0) {
            return List.of();
        }
        String ended = queue.pollFirst();
        queue.addLast(ended);
        turnEndsNanos = nowNanos + turnNanos;
        return List.of(ended);
    }

    /** Whose turn it is now, or null when no controller is connected (for tests). */
    String holder() {
        return queue.peekFirst();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    @Override
    public String toString() {
        return "turns(" + turnNanos / 1_000_000 + " ms)";
    }
}
