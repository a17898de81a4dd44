package io.github.buttplugjava.core.device;

import io.github.buttplugjava.core.message.OutputCommand;

import java.util.Objects;

/**
 * One output of one feature, as a part of a command that sets several features together (see
 * {@link Device#outputs}).
 *
 * @param featureIndex the feature, in the device's own numbering
 * @param command      what to set
 */
public record FeatureOutput(int featureIndex, OutputCommand command) {

    /**
     * Checks the parts.
     *
     * @param featureIndex the feature, in the device's own numbering
     * @param command what to set
     * @throws IllegalArgumentException when {@code featureIndex} is negative
     * @throws NullPointerException     when {@code command} is null
     */
    public FeatureOutput {
        if (featureIndex < 0) {
            throw new IllegalArgumentException("feature index must not be negative: " + featureIndex);
        }
        Objects.requireNonNull(command, "command");
    }
}
