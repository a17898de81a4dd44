package io.github.buttplugjava.btle.config;

import io.github.buttplugjava.core.message.OutputType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one identified device is: its protocol, model identifier, names, features and the user's
 * settings for it.
 *
 * @param protocol      the protocol id
 * @param identifier    the model identifier the protocol reported (e.g. Lovense {@code "Z"})
 * @param name          the device name from the configuration
 * @param displayName   the user's display name, if any
 * @param variant       the protocol variant of the configuration, if any
 * @param messageGapMs  least time between commands in ms (0 = none configured)
 * @param features      the features, sorted by index
 * @param allowed       the user allowed this device (an allow list is in force when any device is)
 * @param denied        the user denied this device: it must not be connected
 * @param reservedIndex the device index the user reserved, if any
 */
public record DeviceDefinition(String protocol, String identifier, String name,
                               Optional<String> displayName, Optional<String> variant,
                               int messageGapMs, List<ConfiguredFeature> features,
                               boolean allowed, boolean denied, OptionalInt reservedIndex) {

    /**
     * Copies the list.
     *
     * @param protocol the protocol id
     * @param identifier the model identifier the protocol reported (e.g. Lovense {@code "Z"})
     * @param name the device name from the configuration
     * @param displayName the user's display name, if any
     * @param variant the protocol variant of the configuration, if any
     * @param messageGapMs least time between commands in ms (0 = none configured)
     * @param features the features, sorted by index
     * @param allowed the user allowed this device (an allow list is in force when any device is)
     * @param denied the user denied this device: it must not be connected
     * @param reservedIndex the device index the user reserved, if any
     */
    public DeviceDefinition {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(variant, "variant");
        features = List.copyOf(features);
        Objects.requireNonNull(reservedIndex, "reservedIndex");
    }

    /**
     * The feature with an index, if the device has it.
     *
     * @param index the feature index
     * @return the feature, or empty when the device has no feature with that index
     */
    public Optional<ConfiguredFeature> feature(int index) {
        for (ConfiguredFeature f : features) {
            if (f.index() == index) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * How many features have an output of this type.
     *
     * @param type the output type
     * @return the number of features with it, 0 when none
     */
    public int countOutputs(OutputType type) {
        int n = 0;
        for (ConfiguredFeature f : features) {
            if (f.feature().outputs().containsKey(type)) {
                n++;
            }
        }
        return n;
    }

    /**
     * How many features have any output.
     *
     * @return the number of features with at least one output
     */
    public int countOutputFeatures() {
        int n = 0;
        for (ConfiguredFeature f : features) {
            if (!f.feature().outputs().isEmpty()) {
                n++;
            }
        }
        return n;
    }
}
