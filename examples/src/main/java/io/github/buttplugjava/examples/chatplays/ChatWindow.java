package io.github.buttplugjava.examples.chatplays;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chat of one window, turned into one {@link Decision} when the window closes. The rule:
 * <ul>
 *   <li>each chatter counts once, with the latest of its {@code !vibe} or {@code !pulse} in the window;</li>
 *   <li>the level is the median of the {@code !vibe} levels (with an even count, the lower of the two
 *       middle ones: a tie leans to the gentler level);</li>
 *   <li>a pulse plays when any counted chatter's latest is {@code !pulse};</li>
 *   <li>one {@code !stop} in the window wins over everything: the decision is {@link Decision#STOP};</li>
 *   <li>a window nobody spoke in also stops the toys: they run only while chat asks.</li>
 * </ul>
 * At most {@code maxChatters} chatters count in one window; later newcomers wait for the next one.
 *
 * <p>Not thread-safe: {@link ChatPlays} calls it under its own lock.
 */
public final class ChatWindow {

    private final int maxChatters;
    private final Map<String, ChatCommand> latest = new LinkedHashMap<>();
    private boolean stopped;

    /**
     * @param maxChatters the most chatters counted in one window, at least 1
     * @throws IllegalArgumentException when it is below 1
     */
    public ChatWindow(int maxChatters) {
        if (maxChatters < 1) {
            throw new IllegalArgumentException("maxChatters must be at least 1");
        }
        this.maxChatters = maxChatters;
    }

    /**
     * Counts {@code command} as {@code nick}'s latest request in this window.
     *
     * @param nick    the chatter
     * @param command a {@link ChatCommand.Vibe} or {@link ChatCommand.Pulse}; a
     *                {@link ChatCommand.Stop} stops the whole window; others are ignored
     * @return whether it was counted (false when the window is full of other chatters)
     */
    public boolean add(String nick, ChatCommand command) {
        if (command instanceof ChatCommand.Stop) {
            stopped = true;
            return true;
        }
        if (!(command instanceof ChatCommand.Vibe) && !(command instanceof ChatCommand.Pulse)) {
            return false;
        }
        String key = ChatterRates.key(nick);
        if (!latest.containsKey(key) && latest.size() >= maxChatters) {
            return false;
        }
        latest.put(key, command);
        return true;
    }

    /**
     * Closes the window: the decision of what was said in it, and a new empty window.
     *
     * @return the decision
     */
    public Decision close() {
        try {
            if (stopped || latest.isEmpty()) {
                return Decision.STOP;
            }
            int[] levels = latest.values().stream().filter(c -> c instanceof ChatCommand.Vibe)
                    .mapToInt(c -> ((ChatCommand.Vibe) c).percent()).sorted().toArray();
            boolean pulse = latest.values().stream().anyMatch(c -> c instanceof ChatCommand.Pulse);
            int median = levels.length == 0 ? 0 : levels[(levels.length - 1) / 2];
            return new Decision(median, pulse, latest.size());
        } finally {
            latest.clear();
            stopped = false;
        }
    }
}
