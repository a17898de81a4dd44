package io.github.buttplugjava.core.message;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One device as a v4 {@link DeviceList} describes it.
 *
 * @param deviceIndex index the server gave the device, at least 0
 * @param deviceName  the device's name from the configuration
 * @param displayName a user-set name, or null
 * @param timingGapMs least time between commands the device takes, in ms (0 = no limit)
 * @param features    the features, sorted by index, indices unique
 */
public record DeviceInfo(int deviceIndex, String deviceName, String displayName,
                         long timingGapMs, List<DeviceFeature> features) {

    /**
     * @param deviceIndex index the server gave the device, at least 0
     * @param deviceName the device's name from the configuration
     * @param displayName a user-set name, or null
     * @param timingGapMs least time between commands the device takes, in ms (0 = no limit)
     * @param features the features, sorted by index, indices unique
     * @throws IllegalArgumentException on negative numbers or duplicate feature indices
     */
    public DeviceInfo {
        if (deviceIndex < 0 || timingGapMs < 0) {
            throw new IllegalArgumentException("deviceIndex and timing gap must not be negative");
        }
        Objects.requireNonNull(deviceName, "deviceName");
        if (inIndexOrder(features)) {
            features = List.copyOf(features); // the usual case (every decoded list): no sort, no set
        } else {
            features = features.stream()
                    .sorted(java.util.Comparator.comparingInt(DeviceFeature::featureIndex))
                    .toList();
            Set<Integer> seen = new HashSet<>();
            for (DeviceFeature f : features) {
                if (!seen.add(f.featureIndex())) {
                    throw new IllegalArgumentException("duplicate feature index " + f.featureIndex());
                }
            }
        }
    }

    /**
     * The user-set display name, if any.
     *
     * @return the display name, or empty when the user set none
     */
    public Optional<String> displayNameIfSet() {
        return Optional.ofNullable(displayName);
    }

    /**
     * The feature with this index, if the device has it.
     *
     * @param featureIndex the feature's index within this device
     * @return the feature, or empty when the device has no feature with that index
     */
    public Optional<DeviceFeature> feature(int featureIndex) {
        for (DeviceFeature f : features) {
            if (f.featureIndex() == featureIndex) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * A copy with another device index.
     *
     * @param index the new device index, at least 0
     * @return this device with {@code index} as its device index
     */
    public DeviceInfo withIndex(int index) {
        return new DeviceInfo(index, deviceName, displayName, timingGapMs, features);
    }

    /** Whether the indices strictly increase (so they are sorted and distinct). */
    private static boolean inIndexOrder(List<DeviceFeature> features) {
        int last = -1;
        for (DeviceFeature f : features) {
            if (f.featureIndex() <= last) {
                return false;
            }
            last = f.featureIndex();
        }
        return true;
    }
}
