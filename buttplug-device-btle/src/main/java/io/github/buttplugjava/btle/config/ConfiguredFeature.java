package io.github.buttplugjava.btle.config;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.OutputType;

import java.util.Map;
import java.util.Objects;

/**
 * A feature as a device offers it after user configuration: the advertised v4 feature and, per
 * output type, the offset added to a client's value before it reaches the protocol (the start of a
 * user-narrowed range; 0 otherwise).
 *
 * @param id       the feature's UUID string
 * @param feature  the advertised feature (disabled outputs left out, narrowed ranges applied)
 * @param offsets  value offsets per output type; types without an entry have offset 0
 */
public record ConfiguredFeature(String id, DeviceFeature feature, Map<OutputType, Integer> offsets) {

    /**
     * Copies the map.
     *
     * @param id the feature's UUID string
     * @param feature the advertised feature (disabled outputs left out, narrowed ranges applied)
     * @param offsets value offsets per output type; types without an entry have offset 0
     */
    public ConfiguredFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(feature, "feature");
        offsets = Map.copyOf(offsets);
    }

    /**
     * The feature index.
     *
     * @return the v4 feature index within the device
     */
    public int index() {
        return feature.featureIndex();
    }

    /**
     * The protocol value of a client value of an output type.
     *
     * @param type the output type
     * @param clientValue the value a client sent, within the advertised range
     * @return {@code clientValue} plus the type's offset, the value the protocol sends
     */
    public int deviceValue(OutputType type, int clientValue) {
        return clientValue + offsets.getOrDefault(type, 0);
    }
}
