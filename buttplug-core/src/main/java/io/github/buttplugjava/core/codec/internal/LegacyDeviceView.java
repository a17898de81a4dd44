package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.util.ArrayList;
import java.util.List;

/**
 * A v4 device seen through spec v0..v3 eyes: the per-message-type attribute lists whose positions
 * are the legacy {@code Index}/{@code SensorIndex} values (spec.md §10.2, as the Rust 10.x server
 * derives them).
 *
 * @param scalar  v3 ScalarCmd entries: per feature, one per output type in {@link #SCALAR_ORDER}
 * @param vibrate v1/v2 VibrateCmd entries: the Vibrate entries of {@code scalar}
 * @param rotate  RotateCmd entries: features whose Rotate range starts below 0
 * @param linear  LinearCmd entries: features with HwPositionWithDuration
 * @param battery v3 SensorReadCmd entries (and v2 BatteryLevelCmd): Battery inputs that accept Read
 */
public record LegacyDeviceView(DeviceInfo device, List<Slot> scalar, List<Slot> vibrate,
                               List<Slot> rotate, List<Slot> linear, List<SensorSlot> battery) {
    /** The order in which one feature's output types become v3 ScalarCmd entries. */
    public static final List<OutputType> SCALAR_ORDER = List.of(OutputType.CONSTRICT,
            OutputType.TEMPERATURE, OutputType.LED, OutputType.OSCILLATE, OutputType.POSITION,
            OutputType.ROTATE, OutputType.SPRAY, OutputType.VIBRATE);

    /**
     * One addressable output of a legacy message.
     *
     * @param featureIndex the v4 feature
     * @param type         the v4 output type commands go to
     * @param steps        the legacy StepCount (end of the advertised range)
     * @param description  the feature description (v3 FeatureDescriptor)
     */
    public record Slot(int featureIndex, OutputType type, int steps, String description) {
    }

    /**
     * One readable sensor of a legacy message.
     *
     * @param featureIndex the v4 feature
     * @param ranges       the value ranges (v3 SensorRange)
     * @param description  the feature description
     */
    public record SensorSlot(int featureIndex, List<Range> ranges, String description) {
    }

    /**
     * The view of one device.
     *
     * @param device the v4 device
     * @return its legacy attribute lists
     */
    public static LegacyDeviceView of(DeviceInfo device) {
        List<Slot> scalar = new ArrayList<>();
        List<Slot> rotate = new ArrayList<>();
        List<Slot> linear = new ArrayList<>();
        List<SensorSlot> battery = new ArrayList<>();
        for (DeviceFeature f : device.features()) {
            for (OutputType type : SCALAR_ORDER) {
                OutputLimits limits = f.outputs().get(type);
                if (limits != null) {
                    scalar.add(new Slot(f.featureIndex(), type, limits.value().max(), f.description()));
                }
            }
            OutputLimits rot = f.outputs().get(OutputType.ROTATE);
            if (rot != null && rot.value().min() < 0) {
                rotate.add(new Slot(f.featureIndex(), OutputType.ROTATE, rot.value().max(),
                        f.description()));
            }
            OutputLimits lin = f.outputs().get(OutputType.HW_POSITION_WITH_DURATION);
            if (lin != null) {
                linear.add(new Slot(f.featureIndex(), OutputType.HW_POSITION_WITH_DURATION,
                        lin.value().max(), f.description()));
            }
            InputLimits bat = f.inputs().get(InputType.BATTERY);
            if (bat != null && bat.accepts(InputCommandType.READ)) {
                battery.add(new SensorSlot(f.featureIndex(), bat.value(), f.description()));
            }
        }
        List<Slot> vibrate = scalar.stream().filter(s -> s.type() == OutputType.VIBRATE).toList();
        return new LegacyDeviceView(device, List.copyOf(scalar), vibrate, List.copyOf(rotate),
                List.copyOf(linear), List.copyOf(battery));
    }
}
