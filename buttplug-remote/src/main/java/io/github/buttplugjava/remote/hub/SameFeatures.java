package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.DeviceFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A device's features as a wrapper shows them: when the change gives back every feature itself,
 * the inner device's own immutable list, so a hub holding thousands of links keeps no list per link
 * for features nothing changed.
 */
final class SameFeatures {

    private SameFeatures() {
    }

    /**
     * {@code features} with {@code change} applied to each.
     *
     * @param features the inner device's features
     * @param change returns its argument itself when it changes nothing
     * @return an immutable list: {@code features} itself (copied only if it was mutable) when no
     *         feature changed, else a new one
     */
    static List<DeviceFeature> map(List<DeviceFeature> features, UnaryOperator<DeviceFeature> change) {
        List<DeviceFeature> changed = null;
        for (int i = 0; i < features.size(); i++) {
            DeviceFeature f = features.get(i);
            DeviceFeature c = change.apply(f);
            if (c != f && changed == null) {
                changed = new ArrayList<>(features.subList(0, i));
            }
            if (changed != null) {
                changed.add(c);
            }
        }
        return List.copyOf(changed == null ? features : changed);
    }
}
