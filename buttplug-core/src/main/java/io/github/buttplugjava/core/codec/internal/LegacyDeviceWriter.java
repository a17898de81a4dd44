package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.Range;
import java.io.IOException;
import java.util.List;

/**
 * Writes a v4 device in the description shape of spec v0..v3 (spec.md §7, §10.2): v0 a list of
 * message names, v1 FeatureCount, v2 FeatureCount and StepCount arrays, v3 per-feature arrays.
 */
final class LegacyDeviceWriter {
    private LegacyDeviceWriter() {
    }

    /** Writes the fields of one device (DeviceList element or DeviceAdded body). */
    static void writeFields(JsonGenerator g, SpecVersion version, DeviceInfo device) throws IOException {
        LegacyDeviceView view = LegacyDeviceView.of(device);
        g.writeStringField("DeviceName", device.deviceName());
        g.writeNumberField("DeviceIndex", device.deviceIndex());
        if (version == SpecVersion.V3) {
            g.writeNumberField("DeviceMessageTimingGap", device.timingGapMs());
            if (device.displayName() != null) {
                g.writeStringField("DeviceDisplayName", device.displayName());
            }
        }
        g.writeFieldName("DeviceMessages");
        switch (version) {
            case V0 -> writeV0(g, view);
            case V1, V2 -> writeV1V2(g, view, version == SpecVersion.V2);
            default -> writeV3(g, view);
        }
    }

    private static void writeV0(JsonGenerator g, LegacyDeviceView view) throws IOException {
        g.writeStartArray();
        if (!view.vibrate().isEmpty()) {
            g.writeString("SingleMotorVibrateCmd");
        }
        g.writeString("StopDeviceCmd");
        g.writeEndArray();
    }

    private static void writeV1V2(JsonGenerator g, LegacyDeviceView view, boolean v2) throws IOException {
        g.writeStartObject();
        generic(g, "VibrateCmd", view.vibrate(), v2);
        generic(g, "RotateCmd", view.rotate(), v2);
        generic(g, "LinearCmd", view.linear(), v2);
        if (!view.vibrate().isEmpty() && !v2) {
            empty(g, "SingleMotorVibrateCmd");
        }
        if (v2 && !view.battery().isEmpty()) {
            empty(g, "BatteryLevelCmd");
        }
        empty(g, "StopDeviceCmd");
        g.writeEndObject();
    }

    private static void generic(JsonGenerator g, String name, List<LegacyDeviceView.Slot> slots,
                                boolean withSteps) throws IOException {
        if (slots.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(name);
        g.writeNumberField("FeatureCount", slots.size());
        if (withSteps) {
            g.writeArrayFieldStart("StepCount");
            for (LegacyDeviceView.Slot s : slots) {
                g.writeNumber(s.steps());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeV3(JsonGenerator g, LegacyDeviceView view) throws IOException {
        g.writeStartObject();
        attributes(g, "ScalarCmd", view.scalar(), false);
        attributes(g, "RotateCmd", view.rotate(), false);
        attributes(g, "LinearCmd", view.linear(), true);
        if (!view.battery().isEmpty()) {
            g.writeArrayFieldStart("SensorReadCmd");
            for (LegacyDeviceView.SensorSlot s : view.battery()) {
                g.writeStartObject();
                g.writeStringField("FeatureDescriptor", s.description());
                g.writeStringField("SensorType", "Battery");
                g.writeArrayFieldStart("SensorRange");
                for (Range r : s.ranges()) {
                    V4ServerWriter.writePair(g, r);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        empty(g, "StopDeviceCmd");
        g.writeEndObject();
    }

    private static void attributes(JsonGenerator g, String name, List<LegacyDeviceView.Slot> slots,
                                   boolean linear) throws IOException {
        if (slots.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (LegacyDeviceView.Slot s : slots) {
            g.writeStartObject();
            g.writeStringField("FeatureDescriptor", s.description());
            g.writeNumberField("StepCount", s.steps());
            g.writeStringField("ActuatorType", linear ? "Position" : s.type().wireName());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void empty(JsonGenerator g, String name) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeEndObject();
    }
}
