package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a controller sees of one device under one grant: only the granted output and input types,
 * step ranges shrunk to the grant, features renumbered 0..n-1, and the way back to the device's
 * own feature indices. Kept apart from {@link FilteredDevice} so the arithmetic is testable alone.
 */
record GrantedView(List<DeviceFeature> features, int[] innerIndices, long timingGapMs) {

    /** The view, or empty when the grant leaves nothing of the device to share. */
    static Optional<GrantedView> of(Device device, DeviceGrant grant) {
        List<DeviceFeature> out = new ArrayList<>();
        List<Integer> inner = new ArrayList<>();
        for (DeviceFeature f : device.features()) {
            Map<OutputType, OutputLimits> outputs = new EnumMap<>(OutputType.class);
            f.outputs().forEach((type, limits) -> grant.output(type)
                    .flatMap(g -> shrink(limits.value(), g.maxLevel()))
                    .ifPresent(r -> outputs.put(type, new OutputLimits(r, limits.duration()))));
            Map<InputType, InputLimits> inputs = new EnumMap<>(InputType.class);
            f.inputs().forEach((type, limits) -> {
                if (grant.inputs().contains(type)) {
                    inputs.put(type, limits);
                }
            });
            if (!outputs.isEmpty() || !inputs.isEmpty()) {
                out.add(new DeviceFeature(out.size(), f.description(), outputs, inputs));
                inner.add(f.featureIndex());
            }
        }
        if (out.isEmpty()) {
            return Optional.empty();
        }
        // The device's own gap, not the grant's interval: a server would otherwise coalesce
        // too-fast commands silently, and the owner asked for them to be refused.
        return Optional.of(new GrantedView(List.copyOf(out),
                inner.stream().mapToInt(Integer::intValue).toArray(), device.timingGapMs()));
    }

    /**
     * Shrinks a step range to a fraction of it, rounding toward zero so the result never exceeds
     * the fraction: {@code [0,20]} at 0.5 is {@code [0,10]}, {@code [-20,20]} is {@code [-10,10]}.
     * Empty when no value other than the range's floor remains.
     */
    static Optional<Range> shrink(Range range, double level) {
        int max = range.max() > 0 ? (int) Math.floor(range.max() * level + 1e-9) : range.max();
        int min = range.min() < 0 ? -(int) Math.floor(-range.min() * level + 1e-9) : range.min();
        if (max < min || (max == 0 && min == 0)) {
            return Optional.empty();
        }
        return Optional.of(new Range(min, max));
    }

    /** The device's own index of advertised feature {@code index}, or -1 when there is none. */
    int innerIndex(int index) {
        return index >= 0 && index < innerIndices.length ? innerIndices[index] : -1;
    }

    /** Whether controllers would see the same thing under both views. */
    boolean sameAdvertisement(GrantedView other) {
        return features.equals(other.features) && timingGapMs == other.timingGapMs
                && java.util.Arrays.equals(innerIndices, other.innerIndices);
    }
}
