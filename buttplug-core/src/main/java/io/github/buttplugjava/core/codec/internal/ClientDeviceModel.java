package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.SpecVersion;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device of a legacy (v0..v3) server, rebuilt as a v4 device with one feature per legacy
 * attribute entry, and the legacy target of each feature. v0 and v1 give no step counts; such
 * features get {@link #UNKNOWN_STEPS} steps.
 *
 * @param info    the v4 device
 * @param targets feature index to legacy target
 */
public record ClientDeviceModel(DeviceInfo info, Map<Integer, ClientTarget> targets) {
    /** Steps assumed when the server's version does not tell (v0, v1). */
    public static final int UNKNOWN_STEPS = 100;
    /** The duration range a LinearCmd feature is given (the legacy Duration limit). */
    public static final Range LINEAR_DURATION = new Range(0, Integer.MAX_VALUE);

    /**
     * The target of a feature.
     *
     * @param featureIndex the v4 feature index
     * @return the legacy target, or empty when the device has no such feature
     */
    public Optional<ClientTarget> target(int featureIndex) {
        return Optional.ofNullable(targets.get(featureIndex));
    }

    /** Reads a device object (DeviceList element or DeviceAdded body) of {@code version}. */
    static ClientDeviceModel read(Body device, SpecVersion version) {
        String name = device.string("DeviceName");
        int index = device.index("DeviceIndex");
        long gap = 0;
        String display = null;
        if (version == SpecVersion.V3) {
            gap = device.optional("DeviceMessageTimingGap").isPresent()
                    ? device.uint32("DeviceMessageTimingGap") : 0;
            display = device.optional("DeviceDisplayName").isPresent()
                    ? device.string("DeviceDisplayName") : null;
        }
        Builder b = new Builder();
        JsonNode messages = device.required("DeviceMessages");
        if (version == SpecVersion.V0) {
            for (JsonNode m : device.array("DeviceMessages", messages, 0)) {
                if (m.isTextual() && m.textValue().equals("SingleMotorVibrateCmd")) {
                    b.output(ClientTarget.output(ClientTarget.Kind.SINGLE_MOTOR, 0, OutputType.VIBRATE,
                            null, UNKNOWN_STEPS), "Vibrators", Range.upTo(UNKNOWN_STEPS));
                }
            }
        } else {
            Body attrs = device.nested("DeviceMessages", messages);
            if (version == SpecVersion.V3) {
                readV3(attrs, b);
            } else {
                readV1V2(attrs, b, version == SpecVersion.V2);
            }
        }
        device.done();
        try {
            return new ClientDeviceModel(new DeviceInfo(index, name, display, gap, b.features),
                    Map.copyOf(b.targets));
        } catch (IllegalArgumentException e) {
            throw device.fail(device.context() + " is invalid: " + e.getMessage());
        }
    }

    private static void readV1V2(Body attrs, Builder b, boolean v2) {
        boolean vibrate = false;
        for (String key : attrs.fieldNames()) {
            JsonNode value = attrs.field(key);
            switch (key) {
                case "VibrateCmd", "RotateCmd", "LinearCmd" -> {
                    Body g = attrs.nested(key, value);
                    int count = g.index("FeatureCount");
                    List<JsonNode> steps = v2 && g.optional("StepCount").isPresent()
                            ? g.array("StepCount", 0) : List.of();
                    for (int i = 0; i < count; i++) {
                        int s = i < steps.size() ? g.index("StepCount", steps.get(i)) : UNKNOWN_STEPS;
                        addGeneric(b, key, i, s, key.replace("Cmd", "") + " " + i, null);
                    }
                    vibrate |= key.equals("VibrateCmd") && count > 0;
                }
                case "BatteryLevelCmd" -> {
                    if (v2) {
                        b.input(ClientTarget.sensor(ClientTarget.Kind.BATTERY_LEVEL, 0, InputType.BATTERY),
                                "Battery", List.of(Range.upTo(100)), Set.of(InputCommandType.READ));
                    }
                }
                default -> {
                    // StopDeviceCmd, SingleMotorVibrateCmd (covered by VibrateCmd), Raw*, others: nothing to model
                }
            }
        }
        if (!vibrate && attrs.has("SingleMotorVibrateCmd")) {
            b.output(ClientTarget.output(ClientTarget.Kind.SINGLE_MOTOR, 0, OutputType.VIBRATE, null,
                    UNKNOWN_STEPS), "Vibrators", Range.upTo(UNKNOWN_STEPS));
        }
    }

    private static void readV3(Body attrs, Builder b) {
        for (String key : List.of("ScalarCmd", "RotateCmd", "LinearCmd")) {
            Optional<JsonNode> list = attrs.optional(key);
            if (list.isEmpty()) {
                continue;
            }
            List<JsonNode> entries = attrs.array(key, list.get(), 0);
            for (int i = 0; i < entries.size(); i++) {
                Body e = attrs.nested(key + "[" + i + "]", entries.get(i));
                String desc = e.optional("FeatureDescriptor").isPresent() ? e.string("FeatureDescriptor") : "";
                int steps = e.optional("StepCount").isPresent() ? e.index("StepCount") : UNKNOWN_STEPS;
                String actuator = e.optional("ActuatorType").isPresent() ? e.string("ActuatorType") : null;
                e.done();
                addGeneric(b, key, i, steps, desc, actuator);
            }
        }
        for (String key : List.of("SensorReadCmd", "SensorSubscribeCmd")) {
            Optional<JsonNode> list = attrs.optional(key);
            if (list.isEmpty()) {
                continue;
            }
            List<JsonNode> entries = attrs.array(key, list.get(), 0);
            for (int i = 0; i < entries.size(); i++) {
                Body e = attrs.nested(key + "[" + i + "]", entries.get(i));
                String desc = e.string("FeatureDescriptor");
                String type = e.string("SensorType");
                List<Range> ranges = new ArrayList<>();
                for (JsonNode r : e.array("SensorRange", 1)) {
                    ranges.add(V4DeviceListReader.range(e, "SensorRange", r));
                }
                e.done();
                Optional<InputType> input = WireNames.input(type);
                if (input.isEmpty()) {
                    b.skip();
                    continue;
                }
                boolean read = key.equals("SensorReadCmd");
                b.input(ClientTarget.sensor(read ? ClientTarget.Kind.SENSOR_READ
                                : ClientTarget.Kind.SENSOR_SUBSCRIBE, i, input.get()), desc, ranges,
                        read ? Set.of(InputCommandType.READ)
                                : Set.of(InputCommandType.SUBSCRIBE, InputCommandType.UNSUBSCRIBE));
            }
        }
        // StopDeviceCmd, Raw*Cmd and anything newer carry nothing to model
        attrs.fieldNames().forEach(attrs::field);
    }

    private static void addGeneric(Builder b, String key, int index, int steps, String desc,
                                   String actuator) {
        switch (key) {
            case "VibrateCmd" -> b.output(ClientTarget.output(ClientTarget.Kind.VIBRATE, index,
                    OutputType.VIBRATE, null, steps), desc, Range.upTo(steps));
            case "RotateCmd" -> b.output(ClientTarget.output(ClientTarget.Kind.ROTATE, index,
                    OutputType.ROTATE, actuator, steps), desc, new Range(-steps, steps));
            case "LinearCmd" -> b.output(ClientTarget.output(ClientTarget.Kind.LINEAR, index,
                    OutputType.HW_POSITION_WITH_DURATION, actuator, steps), desc, Range.upTo(steps));
            default -> {
                Optional<OutputType> type = actuator == null ? Optional.empty()
                        : WireNames.output(actuator);
                if (type.isEmpty() || type.get() == OutputType.HW_POSITION_WITH_DURATION) {
                    b.skip(); // e.g. a 9.x "Inflate" or "Unknown" actuator: not addressable in v4
                } else {
                    b.output(ClientTarget.output(ClientTarget.Kind.SCALAR, index, type.get(), actuator,
                            steps), desc, Range.upTo(steps));
                }
            }
        }
    }

    /** Collects features with consecutive indices. */
    private static final class Builder {
        private final List<DeviceFeature> features = new ArrayList<>();
        private final java.util.HashMap<Integer, ClientTarget> targets = new java.util.HashMap<>();
        private int next;

        void output(ClientTarget target, String desc, Range range) {
            OutputLimits limits = target.output() == OutputType.HW_POSITION_WITH_DURATION
                    ? new OutputLimits(range, LINEAR_DURATION) : OutputLimits.of(range);
            add(target, new DeviceFeature(next, desc, Map.of(target.output(), limits), Map.of()));
        }

        void input(ClientTarget target, String desc, List<Range> ranges, Set<InputCommandType> commands) {
            add(target, new DeviceFeature(next, desc, Map.of(),
                    Map.of(target.input(), new InputLimits(ranges, commands))));
        }

        void skip() {
            next++;
        }

        private void add(ClientTarget target, DeviceFeature feature) {
            features.add(feature);
            targets.put(next, target);
            next++;
        }
    }
}
