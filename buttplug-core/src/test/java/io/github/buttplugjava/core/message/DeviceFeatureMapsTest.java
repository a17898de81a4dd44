package io.github.buttplugjava.core.message;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A feature's output and input maps, whatever their size: frozen, in enum order, null-free. */
class DeviceFeatureMapsTest {

    private static final OutputLimits VIBRATE = new OutputLimits(new Range(0, 20), null);
    private static final OutputLimits ROTATE = new OutputLimits(new Range(-20, 20), null);

    @Test
    void aOneEntryMapIsFrozenAndEqualToTheSameFeatureBuiltFromAnEnumMap() {
        Map<OutputType, OutputLimits> mutable = new HashMap<>(Map.of(OutputType.VIBRATE, VIBRATE));
        DeviceFeature f = new DeviceFeature(0, "Vibrator", mutable, Map.of());
        mutable.clear();

        EnumMap<OutputType, OutputLimits> asEnumMap = new EnumMap<>(OutputType.class);
        asEnumMap.put(OutputType.VIBRATE, VIBRATE);
        assertThat(f.outputs()).containsExactly(Map.entry(OutputType.VIBRATE, VIBRATE));
        assertThat(f).isEqualTo(new DeviceFeature(0, "Vibrator", asEnumMap, Map.of()))
                .hasSameHashCodeAs(new DeviceFeature(0, "Vibrator", asEnumMap, Map.of()));
        assertThat(f.output(OutputType.VIBRATE)).contains(VIBRATE);
        assertThat(f.output(OutputType.ROTATE)).isEmpty();
        assertThatThrownBy(() -> f.outputs().put(OutputType.ROTATE, ROTATE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.withIndex(3).outputs()).isEqualTo(f.outputs());
    }

    @Test
    void aLargerMapIteratesInEnumOrder() {
        Map<OutputType, OutputLimits> outputs = new HashMap<>();
        outputs.put(OutputType.ROTATE, ROTATE);
        outputs.put(OutputType.VIBRATE, VIBRATE);

        DeviceFeature f = new DeviceFeature(0, "Both", outputs, Map.of());

        assertThat(List.copyOf(f.outputs().keySet())).containsExactly(OutputType.VIBRATE, OutputType.ROTATE);
        assertThatThrownBy(() -> f.outputs().remove(OutputType.ROTATE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullKeysAndValuesAreRefusedInEveryShape() {
        Map<OutputType, OutputLimits> nullValue = new HashMap<>();
        nullValue.put(OutputType.VIBRATE, null);
        Map<OutputType, OutputLimits> nullKey = new HashMap<>();
        nullKey.put(null, VIBRATE);
        Map<OutputType, OutputLimits> twoWithNull = new EnumMap<>(OutputType.class);
        twoWithNull.put(OutputType.VIBRATE, VIBRATE);
        twoWithNull.put(OutputType.ROTATE, null);

        for (Map<OutputType, OutputLimits> bad : List.of(nullValue, nullKey, twoWithNull)) {
            assertThatThrownBy(() -> new DeviceFeature(0, "x", bad, Map.of())).isInstanceOf(NullPointerException.class);
        }
    }
}
