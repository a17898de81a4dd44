package io.github.buttplugjava.core.message;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One feature of a v4 device: its index within the device, a description, and the outputs and
 * inputs it has. The maps are unmodifiable and iterate in enum order.
 *
 * @param featureIndex index within the device, at least 0
 * @param description  description, may be empty, never null
 * @param outputs      output types with their limits, possibly empty
 * @param inputs       input types with their limits, possibly empty
 */
public record DeviceFeature(int featureIndex, String description,
                            Map<OutputType, OutputLimits> outputs,
                            Map<InputType, InputLimits> inputs) {

    /**
     * @param featureIndex index within the device, at least 0
     * @param description description, may be empty, never null
     * @param outputs output types with their limits, possibly empty
     * @param inputs input types with their limits, possibly empty
     * @throws IllegalArgumentException on a negative index or a duration range on a type without
     *         one
     */
    public DeviceFeature {
        if (featureIndex < 0) {
            throw new IllegalArgumentException("featureIndex must not be negative");
        }
        Objects.requireNonNull(description, "description");
        outputs = freeze(outputs, OutputType.class);
        inputs = freeze(inputs, InputType.class);
        outputs.forEach((type, limits) -> {
            boolean needsDuration = type == OutputType.HW_POSITION_WITH_DURATION;
            if (needsDuration != (limits.duration() != null)) {
                throw new IllegalArgumentException(type.wireName()
                        + (needsDuration ? " needs" : " must not have") + " a duration range");
            }
        });
    }

    /**
     * The limits of an output type, if the feature has it.
     *
     * @param type the output type to look up
     * @return its limits, or empty when this feature has no such output
     */
    public Optional<OutputLimits> output(OutputType type) {
        return Optional.ofNullable(outputs.get(type));
    }

    /**
     * The limits of an input type, if the feature has it.
     *
     * @param type the input type to look up
     * @return its limits, or empty when this feature has no such input
     */
    public Optional<InputLimits> input(InputType type) {
        return Optional.ofNullable(inputs.get(type));
    }

    /**
     * A copy with another index.
     *
     * @param index the new feature index, at least 0
     * @return this feature with {@code index} as its feature index
     */
    public DeviceFeature withIndex(int index) {
        return new DeviceFeature(index, description, outputs, inputs);
    }

    private static <K extends Enum<K>, V> Map<K, V> freeze(Map<K, V> map, Class<K> type) {
        Objects.requireNonNull(map);
        if (map.isEmpty()) {
            return Collections.emptyMap();
        }
        if (map.size() == 1) { // the usual feature: one output or one input, held without a table
            Map.Entry<K, V> only = map.entrySet().iterator().next();
            return Map.of(only.getKey(), only.getValue()); // refuses a null key or value
        }
        EnumMap<K, V> copy;
        if (map instanceof EnumMap<K, V> enumMap) {
            copy = new EnumMap<>(enumMap); // an array copy; its keys are never null
            if (copy.containsValue(null)) {
                throw new NullPointerException();
            }
        } else {
            copy = new EnumMap<>(type);
            map.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        }
        return Collections.unmodifiableMap(copy);
    }
}
