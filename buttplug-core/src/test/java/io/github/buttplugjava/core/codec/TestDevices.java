package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.util.List;
import java.util.Map;

/** Test fixtures: v4 devices shaped like real ones. */
final class TestDevices {
    private TestDevices() {
    }

    static DeviceFeature output(int index, String desc, OutputType type, Range range) {
        OutputLimits limits = type == OutputType.HW_POSITION_WITH_DURATION
                ? new OutputLimits(range, new Range(0, 100000)) : OutputLimits.of(range);
        return new DeviceFeature(index, desc, Map.of(type, limits), Map.of());
    }

    static DeviceFeature battery(int index) {
        return new DeviceFeature(index, "Battery Level", Map.of(),
                Map.of(InputType.BATTERY, InputLimits.of(Range.upTo(100), InputCommandType.READ)));
    }

    /** Aneros Vivi: one vibrator 0..127. */
    static DeviceInfo aneros(int index) {
        return new DeviceInfo(index, "Aneros Vivi", null, 0,
                List.of(output(0, "", OutputType.VIBRATE, Range.upTo(127))));
    }

    /** A Lovense-Edge-like device: two vibrators 0..20 and a battery. */
    static DeviceInfo edge(int index) {
        return new DeviceInfo(index, "Lovense Edge", null, 0, List.of(
                output(0, "Vibrator 1", OutputType.VIBRATE, Range.upTo(20)),
                output(1, "Vibrator 2", OutputType.VIBRATE, Range.upTo(20)),
                battery(2)));
    }

    /** A stroker: HwPositionWithDuration 0..100 only. */
    static DeviceInfo stroker(int index) {
        return new DeviceInfo(index, "Test Stroker", "User set name", 100,
                List.of(output(0, "Stroker", OutputType.HW_POSITION_WITH_DURATION, Range.upTo(100))));
    }

    /**
     * A device with everything: a vibrator, a signed rotator, an unsigned rotator, a stroker with
     * Position and HwPositionWithDuration, a constrictor, and a battery.
     */
    static DeviceInfo kitchenSink(int index) {
        DeviceFeature stroker = new DeviceFeature(4, "Stroker", Map.of(
                OutputType.POSITION, OutputLimits.of(Range.upTo(100)),
                OutputType.HW_POSITION_WITH_DURATION, new OutputLimits(Range.upTo(100), new Range(0, 100000))),
                Map.of());
        return new DeviceInfo(index, "Kitchen Sink", "My Sink", 50, List.of(
                output(0, "Vibe", OutputType.VIBRATE, Range.upTo(20)),
                output(1, "Twister", OutputType.ROTATE, new Range(-20, 20)),
                output(2, "Spinner", OutputType.ROTATE, Range.upTo(10)),
                output(3, "Squeeze", OutputType.CONSTRICT, Range.upTo(7)),
                stroker,
                battery(5)));
    }
}
