package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;

import java.util.EnumSet;
import java.util.Set;

/** Which output commands stop something: value 0 of an output whose 0 means "off". */
public final class OutputStops {

    /** Outputs whose value 0 means "off" (every one but positions). */
    private static final Set<OutputType> SPEED_LIKE = EnumSet.complementOf(
            EnumSet.of(OutputType.POSITION, OutputType.HW_POSITION_WITH_DURATION));

    private OutputStops() {
    }

    /**
     * Whether {@code command} turns its output off.
     *
     * @param command an output command
     * @return true for value 0 of a speed-like output
     */
    public static boolean stops(OutputCommand command) {
        return command.value() == 0 && SPEED_LIKE.contains(command.type());
    }
}
