package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.internal.RepeatedValues;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;

import java.util.List;

/**
 * One shared feature list for the devices a client keeps that describe the same features: most
 * toys are one of a few models, and a hub holds one client per sharer, so thousands of devices
 * repeat a handful of lists (each a few hundred bytes of features, limits, ranges and maps). Kept
 * devices only: the messages that pass through are left as decoded.
 *
 * <p>A fixed table of {@value #SLOTS} slots ({@link RepeatedValues}): it never grows, whatever a
 * server announces. Features are immutable values compared by content, so a shared list is
 * interchangeable with the decoded one.
 */
final class RepeatedFeatures {

    /** The table's size, a power of two. */
    static final int SLOTS = 256;

    /** Lists longer than this are kept as decoded (hashing them is not worth it). */
    static final int MAX_FEATURES = 16;

    private static final RepeatedValues<List<DeviceFeature>> TABLE = new RepeatedValues<>(SLOTS);

    private RepeatedFeatures() {
    }

    /**
     * {@code info} with the shared instance of its feature list, or {@code info} itself when its
     * list is already that instance, too long, or new to the table.
     *
     * @param info a device as decoded
     * @return an equal device
     */
    static DeviceInfo sharing(DeviceInfo info) {
        List<DeviceFeature> features = info.features();
        if (features.size() > MAX_FEATURES) {
            return info;
        }
        List<DeviceFeature> shared = TABLE.shared(features);
        if (shared == features) {
            return info;
        }
        return new DeviceInfo(info.deviceIndex(), info.deviceName(), info.displayName(), info.timingGapMs(), shared);
    }
}
