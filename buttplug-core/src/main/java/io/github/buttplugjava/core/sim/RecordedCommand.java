package io.github.buttplugjava.core.sim;

import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;

import java.time.Instant;

/**
 * One command a {@link SimulatedDevice} received.
 *
 * @param kind         what it was
 * @param featureIndex the feature, or -1 for a whole-device stop
 * @param output       the output command for {@link Kind#OUTPUT}, else null
 * @param input        the input type for reads and (un)subscriptions, else null
 * @param at           when it arrived
 */
public record RecordedCommand(Kind kind, int featureIndex, OutputCommand output, InputType input, Instant at) {

    /** The kinds of command a simulated device records. */
    public enum Kind {
        /** An output was set. */
        OUTPUT,
        /** The whole device was stopped. */
        STOP,
        /** An input was read once. */
        READ,
        /** An input subscription started. */
        SUBSCRIBE,
        /** An input subscription ended. */
        UNSUBSCRIBE
    }
}
