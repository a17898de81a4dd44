package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a v4 DeviceList body (index-keyed Devices and DeviceFeatures). Output and input type keys
 * it does not know are skipped, as the spec's minor-version rule asks of clients.
 */
final class V4DeviceListReader {
    private V4DeviceListReader() {
    }

    static DeviceList read(Body body) {
        long id = body.serverId();
        Body devices = body.object("Devices");
        List<DeviceInfo> infos = new ArrayList<>();
        for (String key : devices.fieldNames()) {
            infos.add(device(devices.object(key), key));
        }
        devices.done();
        try {
            return new DeviceList(id, infos);
        } catch (IllegalArgumentException e) {
            throw body.fail("DeviceList is invalid: " + e.getMessage());
        }
    }

    private static DeviceInfo device(Body device, String key) {
        String name = RepeatedText.shared(device.string("DeviceName"));
        int index = device.index("DeviceIndex");
        checkKey(device, key, index, "DeviceIndex");
        long gap = device.uint32("DeviceMessageTimingGap");
        String display = device.optional("DeviceDisplayName").isPresent()
                ? device.string("DeviceDisplayName") : null;
        Body features = device.object("DeviceFeatures");
        List<DeviceFeature> list = new ArrayList<>();
        for (String featureKey : features.fieldNames()) {
            list.add(feature(features.object(featureKey), featureKey));
        }
        features.done();
        device.done();
        try {
            return new DeviceInfo(index, name, display, gap, list);
        } catch (IllegalArgumentException e) {
            throw device.fail(device.context() + " is invalid: " + e.getMessage());
        }
    }

    private static DeviceFeature feature(Body feature, String key) {
        int index = feature.index("FeatureIndex");
        checkKey(feature, key, index, "FeatureIndex");
        String description = RepeatedText.shared(feature.string("FeatureDescription"));
        Map<OutputType, OutputLimits> outputs = new EnumMap<>(OutputType.class);
        Optional<JsonNode> output = feature.optional("Output");
        if (output.isPresent()) {
            Body map = feature.nested("Output", output.get());
            for (String typeName : map.fieldNames()) {
                Body limits = map.object(typeName);
                Optional<OutputType> type = WireNames.output(typeName);
                if (type.isEmpty()) {
                    continue; // newer minor version: ignore
                }
                Range value = range(limits, "Value", limits.required("Value"));
                Range duration = type.get() == OutputType.HW_POSITION_WITH_DURATION
                        ? range(limits, "Duration", limits.required("Duration")) : null;
                limits.done();
                outputs.put(type.get(), new OutputLimits(value, duration));
            }
            map.done();
        }
        Map<InputType, InputLimits> inputs = new EnumMap<>(InputType.class);
        Optional<JsonNode> input = feature.optional("Input");
        if (input.isPresent()) {
            Body map = feature.nested("Input", input.get());
            for (String typeName : map.fieldNames()) {
                Body limits = map.object(typeName);
                Optional<InputType> type = WireNames.input(typeName);
                if (type.isEmpty()) {
                    continue; // newer minor version: ignore
                }
                List<Range> ranges = new ArrayList<>();
                for (JsonNode r : limits.array("Value", 1)) {
                    ranges.add(range(limits, "Value", r));
                }
                Set<InputCommandType> commands = EnumSet.noneOf(InputCommandType.class);
                for (JsonNode c : limits.array("Command", 1)) {
                    if (!c.isTextual()) {
                        throw limits.fail(limits.context() + ".Command entries must be strings");
                    }
                    WireNames.command(c.textValue()).ifPresent(commands::add);
                }
                limits.done();
                if (!commands.isEmpty()) {
                    inputs.put(type.get(), new InputLimits(ranges, commands));
                }
            }
            map.done();
        }
        feature.done();
        return new DeviceFeature(index, description, outputs, inputs);
    }

    /** Reads {@code [min, max]}. */
    static Range range(Body owner, String field, JsonNode node) {
        List<JsonNode> pair = owner.array(field, node, 2);
        if (pair.size() != 2) {
            throw owner.fail(owner.context() + "." + field + " must be a [min, max] pair");
        }
        int min = owner.int32(field, pair.get(0));
        int max = owner.int32(field, pair.get(1));
        if (max < min) {
            throw owner.fail(owner.context() + "." + field + " has max below min");
        }
        return new Range(min, max);
    }

    private static void checkKey(Body owner, String key, int index, String field) {
        if (!key.equals(Integer.toString(index))) {
            throw owner.fail(owner.context() + " is keyed \"" + key + "\" but its " + field
                    + " is " + index);
        }
    }
}
