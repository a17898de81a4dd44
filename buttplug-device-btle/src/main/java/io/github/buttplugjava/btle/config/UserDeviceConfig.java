package io.github.buttplugjava.btle.config;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A user's settings for one device, keyed by address, protocol and model identifier.
 *
 * @param address     the device address
 * @param protocol    the protocol id
 * @param identifier  the model identifier
 * @param name        a replacement device name, if any
 * @param displayName the display name, if any
 * @param allow       allowed (when any device is allowed, only allowed devices connect)
 * @param deny        denied (never connected)
 * @param index       the reserved device index, if any
 * @param features    per-feature changes
 */
public record UserDeviceConfig(String address, String protocol, String identifier,
                               Optional<String> name, Optional<String> displayName,
                               boolean allow, boolean deny, OptionalInt index,
                               List<FeatureChange> features) {

    /**
     * Copies the list.
     *
     * @param address the device address
     * @param protocol the protocol id
     * @param identifier the model identifier
     * @param name a replacement device name, if any
     * @param displayName the display name, if any
     * @param allow allowed (when any device is allowed, only allowed devices connect)
     * @param deny denied (never connected)
     * @param index the reserved device index, if any
     * @param features per-feature changes
     */
    public UserDeviceConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(identifier, "identifier");
        features = List.copyOf(features);
    }

    /**
     * A user change to one base feature.
     *
     * @param baseId      the base feature's id
     * @param description a replacement description, if any
     * @param ranges      narrowed value ranges per output type
     * @param disabled    output types the user turned off
     */
    public record FeatureChange(String baseId, Optional<String> description,
                                Map<OutputType, Range> ranges, java.util.Set<OutputType> disabled) {

        /**
         * Copies the collections.
         *
         * @param baseId the base feature's id
         * @param description a replacement description, if any
         * @param ranges narrowed value ranges per output type
         * @param disabled output types the user turned off
         */
        public FeatureChange {
            Objects.requireNonNull(baseId, "baseId");
            ranges = Map.copyOf(ranges);
            disabled = java.util.Set.copyOf(disabled);
        }
    }
}
