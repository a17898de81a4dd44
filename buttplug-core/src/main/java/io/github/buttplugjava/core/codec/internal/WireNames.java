package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Enum lookups by wire name on the hot path: an exact PascalCase match from a map first, then the
 * model's own lenient (case-insensitive) lookup.
 */
final class WireNames {
    private static final Map<String, OutputType> OUTPUTS = new HashMap<>();
    private static final Map<String, InputType> INPUTS = new HashMap<>();
    private static final Map<String, InputCommandType> COMMANDS = new HashMap<>();

    static {
        for (OutputType t : OutputType.values()) {
            OUTPUTS.put(t.wireName(), t);
        }
        for (InputType t : InputType.values()) {
            INPUTS.put(t.wireName(), t);
        }
        for (InputCommandType t : InputCommandType.values()) {
            COMMANDS.put(t.wireName(), t);
        }
    }

    private WireNames() {
    }

    static Optional<OutputType> output(String name) {
        OutputType t = OUTPUTS.get(name);
        return t != null ? Optional.of(t) : OutputType.fromWireName(name);
    }

    static Optional<InputType> input(String name) {
        InputType t = INPUTS.get(name);
        return t != null ? Optional.of(t) : InputType.fromWireName(name);
    }

    static Optional<InputCommandType> command(String name) {
        InputCommandType t = COMMANDS.get(name);
        return t != null ? Optional.of(t) : InputCommandType.fromWireName(name);
    }
}
