package io.github.buttplugjava.btle.config;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;

import java.util.Map;
import java.util.Objects;

/**
 * One feature as the base configuration declares it.
 *
 * @param id          the feature's UUID string (user configurations refer to it as {@code base_id})
 * @param index       the feature index within the device
 * @param description description, may be empty
 * @param outputs     outputs with their base ranges
 * @param inputs      inputs with their ranges and commands
 */
public record FeatureTemplate(String id, int index, String description,
                              Map<OutputType, OutputLimits> outputs,
                              Map<InputType, InputLimits> inputs) {

    /**
     * Copies the maps.
     *
     * @param id the feature's UUID string (user configurations refer to it as {@code base_id})
     * @param index the feature index within the device
     * @param description description, may be empty
     * @param outputs outputs with their base ranges
     * @param inputs inputs with their ranges and commands
     */
    public FeatureTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        outputs = Map.copyOf(outputs);
        inputs = Map.copyOf(inputs);
    }

    /**
     * The v4 feature as configured, without user changes.
     *
     * @return the feature with the base ranges, index and description
     */
    public DeviceFeature toDeviceFeature() {
        return new DeviceFeature(index, description, outputs, inputs);
    }
}
