package io.github.buttplugjava.core.message;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one input type of a feature offers: one range per reading dimension, and the commands it
 * accepts.
 *
 * @param value    value ranges, one per dimension, at least one
 * @param commands accepted commands, at least one
 */
public record InputLimits(List<Range> value, Set<InputCommandType> commands) {

    /**
     * @param value value ranges, one per dimension, at least one
     * @param commands accepted commands, at least one
     * @throws IllegalArgumentException when either list is empty
     */
    public InputLimits {
        value = List.copyOf(Objects.requireNonNull(value, "value"));
        if (value.isEmpty() || Objects.requireNonNull(commands, "commands").isEmpty()) {
            throw new IllegalArgumentException("input needs at least one range and one command");
        }
        commands = Collections.unmodifiableSet(EnumSet.copyOf(commands)); // rejects null like Set.copyOf

    }

    /**
     * Limits with one range and the given commands.
     *
     * @param range the single value range
     * @param commands the commands the input accepts, at least one
     * @return the limits
     */
    public static InputLimits of(Range range, InputCommandType... commands) {
        return new InputLimits(List.of(range), Set.of(commands));
    }

    /**
     * Whether the command is accepted.
     *
     * @param command a read, subscribe or unsubscribe command
     * @return true when this input accepts it
     */
    public boolean accepts(InputCommandType command) {
        return commands.contains(command);
    }
}
