package io.github.buttplugjava.core.message;

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

    /** @throws IllegalArgumentException when either list is empty */
    public InputLimits {
        value = List.copyOf(Objects.requireNonNull(value, "value"));
        commands = Set.copyOf(Objects.requireNonNull(commands, "commands"));
        if (value.isEmpty() || commands.isEmpty()) {
            throw new IllegalArgumentException("input needs at least one range and one command");
        }
    }

    /** Limits with one range and the given commands. */
    public static InputLimits of(Range range, InputCommandType... commands) {
        return new InputLimits(List.of(range), Set.of(commands));
    }

    /** Whether the command is accepted. */
    public boolean accepts(InputCommandType command) {
        return commands.contains(command);
    }
}
