package io.github.buttplugjava.examples.chatplays;

import java.util.Locale;
import java.util.Optional;

/**
 * One command a chatter typed: {@code !vibe N} (N from 0 to 100), {@code !pulse}, {@code !stop}
 * or {@code !help}; a line starting with one of those words but with a bad argument is
 * {@link Invalid}. Anything else in the chat is not a command ({@link #parse} returns empty).
 */
public sealed interface ChatCommand {

    /** The highest level a chatter may ask for: {@value}. */
    int MAX_PERCENT = 100;

    /**
     * {@code !vibe N}: the chatter asks for this level.
     *
     * @param percent the level asked for, 0 to {@value ChatCommand#MAX_PERCENT}
     */
    record Vibe(int percent) implements ChatCommand {
        /**
         * @param percent the level asked for
         * @throws IllegalArgumentException when it is outside 0..100
         */
        public Vibe {
            if (percent < 0 || percent > MAX_PERCENT) {
                throw new IllegalArgumentException("a level is from 0 to " + MAX_PERCENT);
            }
        }
    }

    /** {@code !pulse}: the chatter asks for a short burst at full level. */
    record Pulse() implements ChatCommand {
    }

    /** {@code !stop}: the chatter asks for the toys to stop, now. */
    record Stop() implements ChatCommand {
    }

    /** {@code !help}: the chatter asks what the bot understands. */
    record Help() implements ChatCommand {
    }

    /**
     * A command word with an argument the bot cannot use.
     *
     * @param why what is wrong, in the chat's own terms (shown to the chat)
     */
    record Invalid(String why) implements ChatCommand {
    }

    /**
     * Reads one chat line. Leading and trailing spaces are ignored; the command word is
     * case-insensitive; {@code !vibe} takes a whole number with an optional {@code %}.
     *
     * @param line one chat message, may be null
     * @return the command, or empty when the line is not a command of this bot
     */
    static Optional<ChatCommand> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String[] words = line.strip().split("\\s+", 3);
        String word = words[0].toLowerCase(Locale.ROOT);
        boolean bare = words.length == 1;
        switch (word) {
            case "!pulse":
                return Optional.of(new Pulse());
            case "!stop":
                return Optional.of(new Stop());
            case "!help":
                return Optional.of(new Help());
            case "!vibe":
                return Optional.of(bare ? new Invalid("!vibe takes a level from 0 to 100, e.g. !vibe 40") : vibe(words[1]));
            default:
                return Optional.empty();
        }
    }

    private static ChatCommand vibe(String argument) {
        String digits = argument.endsWith("%") ? argument.substring(0, argument.length() - 1) : argument;
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Invalid("!vibe takes a whole number from 0 to 100, e.g. !vibe 40");
        }
        int percent = Integer.parseInt(digits);
        return percent > MAX_PERCENT ? new Invalid("!vibe goes up to 100") : new Vibe(percent);
    }
}
