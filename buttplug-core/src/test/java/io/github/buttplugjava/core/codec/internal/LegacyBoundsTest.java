package io.github.buttplugjava.core.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The legacy streaming path's two bounds, driven to their limits. */
class LegacyBoundsTest {

    private static DeviceInfo vibrator(int index, int motors) {
        List<DeviceFeature> features = new ArrayList<>();
        for (int f = 0; f < motors; f++) {
            features.add(new DeviceFeature(f, "Motor " + f,
                    Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()));
        }
        return new DeviceInfo(index, "Toy " + index, null, 0, features);
    }

    @Test
    void theViewCacheHoldsAtMostMaxViewsDevicesThenStartsOver() {
        LegacyViews views = new LegacyViews();
        DeviceInfo first = vibrator(0, 1);
        LegacyDeviceView firstView = views.of(first);
        for (int i = 1; i < LegacyViews.MAX_VIEWS; i++) {
            views.of(vibrator(i, 1));
        }
        assertThat(views.of(first)).as("kept while the cache is within its bound").isSameAs(firstView);
        views.of(vibrator(LegacyViews.MAX_VIEWS, 1)); // one more device: the cache starts over
        assertThat(views.of(first)).as("made again after the cache started over").isNotSameAs(firstView)
                .isEqualTo(firstView);
    }

    @Test
    void aVibrateCmdWithMoreThanMaxHotItemsSpeedsGoesTheTreePath() {
        int max = LegacyViews.MAX_HOT_ITEMS;
        DeviceList devices = new DeviceList(0, List.of(vibrator(0, max + 1)));
        assertThat(LegacyHotReader.readRequests(vibrate(max), 1 << 20, SpecVersion.V1, () -> devices,
                new LegacyViews())).as("%d speeds stream", max).singleElement();
        assertThat(LegacyHotReader.readRequests(vibrate(max + 1), 1 << 20, SpecVersion.V1, () -> devices,
                new LegacyViews())).as("%d speeds are handed to the tree path", max + 1).isNull();
    }

    private static String vibrate(int speeds) {
        StringBuilder b = new StringBuilder("[{\"VibrateCmd\":{\"Id\":1,\"DeviceIndex\":0,\"Speeds\":[");
        for (int i = 0; i < speeds; i++) {
            b.append(i == 0 ? "" : ",").append("{\"Index\":").append(i).append(",\"Speed\":0.5}");
        }
        return b.append("]}}]").toString();
    }
}
