package io.github.buttplugjava.examples.chatplays;

/**
 * What one window of chat decided: the level the toys run at until the next window closes, and
 * whether a pulse plays first.
 *
 * @param percent  the level, 0 to 100 (0: the toys stop)
 * @param pulse    whether a short burst at full level plays before the level
 * @param chatters how many chatters the decision counted
 */
public record Decision(int percent, boolean pulse, int chatters) {

    /** Stop: nobody asked for anything, or somebody asked for a stop. */
    public static final Decision STOP = new Decision(0, false, 0);

    /**
     * @param percent  the level, 0 to 100
     * @param pulse    whether a pulse plays first
     * @param chatters how many chatters were counted
     * @throws IllegalArgumentException when the level is outside 0..100 or the count is negative
     */
    public Decision {
        if (percent < 0 || percent > ChatCommand.MAX_PERCENT || chatters < 0) {
            throw new IllegalArgumentException("a level is from 0 to 100 and a count is not negative");
        }
    }
}
