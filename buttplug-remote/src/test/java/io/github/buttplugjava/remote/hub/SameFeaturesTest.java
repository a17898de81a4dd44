package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SameFeaturesTest {

    private static DeviceFeature feature(int index, String description) {
        return new DeviceFeature(index, description, Map.of(OutputType.VIBRATE, new OutputLimits(new Range(0, 20), null)), Map.of());
    }

    private final List<DeviceFeature> inner = List.of(feature(0, "one"), feature(1, "two"), feature(2, "three"));

    @Test
    void featuresNothingChangedAreTheInnerDevicesOwnList() {
        assertThat(SameFeatures.map(inner, f -> f)).isSameAs(inner);
    }

    @Test
    void oneChangedFeatureGivesANewListInTheSameOrder() {
        DeviceFeature renamed = feature(1, "renamed");

        List<DeviceFeature> shown = SameFeatures.map(inner, f -> f.featureIndex() == 1 ? renamed : f);

        assertThat(shown).containsExactly(inner.get(0), renamed, inner.get(2));
        assertThat(shown.get(0)).isSameAs(inner.get(0));
        assertThatThrownBy(() -> shown.add(renamed)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMutableInnerListIsCopiedNotShared() {
        List<DeviceFeature> mutable = new ArrayList<>(inner);

        List<DeviceFeature> shown = SameFeatures.map(mutable, f -> f);
        mutable.clear();

        assertThat(shown).isEqualTo(inner);
    }
}
