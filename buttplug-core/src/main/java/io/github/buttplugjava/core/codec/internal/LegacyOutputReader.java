package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts the legacy output commands (SingleMotorVibrateCmd, VibrateCmd, RotateCmd, LinearCmd,
 * ScalarCmd) into v4 OutputCmds with the spec's rounding. Every body field is checked before the
 * device is looked at, so a malformed message is ERROR_MSG and a mismatch with the device
 * ERROR_DEVICE.
 */
final class LegacyOutputReader {
    /** LinearCmd durations must fit in 31 bits, as the reference server requires. */
    static final long MAX_LINEAR_DURATION = Integer.MAX_VALUE;

    private LegacyOutputReader() {
    }

    private record Item(int index, double value, boolean clockwise, long duration, String actuator) {
    }

    static List<ClientMessage> read(String name, Body body, long id, DeviceList devices) {
        int device = body.index("DeviceIndex");
        List<Item> items = switch (name) {
            case "SingleMotorVibrateCmd" -> List.of(new Item(0, body.unitInterval("Speed"), true, 0, null));
            case "VibrateCmd" -> items(body, "Speeds", "Speed", false, false, false);
            case "RotateCmd" -> items(body, "Rotations", "Speed", true, false, false);
            case "LinearCmd" -> items(body, "Vectors", "Position", false, true, false);
            case "ScalarCmd" -> items(body, "Scalars", "Scalar", false, false, true);
            default -> throw body.fail("Unknown message " + name);
        };
        body.done();
        LegacyDeviceView view = LegacyDeviceView.of(LegacyRequestReader.device(devices, device, id));
        List<ClientMessage> out = new ArrayList<>();
        switch (name) {
            case "SingleMotorVibrateCmd" -> {
                if (view.vibrate().isEmpty()) {
                    throw notSupported(device, "SingleMotorVibrateCmd: it has no vibrator");
                }
                for (LegacyDeviceView.Slot slot : view.vibrate()) {
                    out.add(cmd(id, device, slot, ScalarMath.ceilSteps(items.get(0).value(), slot.steps())));
                }
            }
            case "VibrateCmd" -> {
                for (Item item : items) {
                    LegacyDeviceView.Slot slot = slot(view.vibrate(), item, device, name);
                    out.add(cmd(id, device, slot, ScalarMath.ceilSteps(item.value(), slot.steps())));
                }
            }
            case "RotateCmd" -> {
                for (Item item : items) {
                    LegacyDeviceView.Slot slot = slot(view.rotate(), item, device, name);
                    int steps = ScalarMath.ceilSteps(item.value(), slot.steps());
                    out.add(cmd(id, device, slot, item.clockwise() ? steps : -steps));
                }
            }
            case "LinearCmd" -> {
                for (Item item : items) {
                    LegacyDeviceView.Slot slot = slot(view.linear(), item, device, name);
                    out.add(new OutputCmd(id, device, slot.featureIndex(), OutputCommand.positionWithDuration(
                            ScalarMath.truncSteps(item.value(), slot.steps()), item.duration())));
                }
            }
            default -> {
                for (Item item : items) {
                    LegacyDeviceView.Slot slot = slot(view.scalar(), item, device, name);
                    if (!slot.type().wireName().equalsIgnoreCase(item.actuator())) {
                        throw notSupported(device, "ScalarCmd Index " + item.index() + " is a "
                                + slot.type().wireName() + " actuator, not " + item.actuator());
                    }
                    out.add(cmd(id, device, slot, ScalarMath.ceilSteps(item.value(), slot.steps())));
                }
            }
        }
        return out;
    }

    private static List<Item> items(Body body, String field, String valueField, boolean rotate,
                                    boolean linear, boolean scalar) {
        List<Item> items = new ArrayList<>();
        List<JsonNode> nodes = body.array(field, 1);
        for (int i = 0; i < nodes.size(); i++) {
            Body item = body.nested(field + "[" + i + "]", nodes.get(i));
            int index = item.index("Index");
            double value = item.unitInterval(valueField);
            boolean clockwise = rotate && item.bool("Clockwise");
            long duration = 0;
            if (linear) {
                duration = item.integer("Duration", item.required("Duration"));
                if (duration < 0 || duration > MAX_LINEAR_DURATION) {
                    throw body.fail(item.context() + ".Duration must be within 0.."
                            + MAX_LINEAR_DURATION + " ms: " + duration);
                }
            }
            String actuator = null;
            if (scalar) {
                actuator = item.string("ActuatorType");
                if (WireNames.output(actuator).isEmpty()) {
                    throw body.fail(item.context() + ".ActuatorType is unknown: " + actuator);
                }
            }
            item.done();
            items.add(new Item(index, value, clockwise, duration, actuator));
        }
        return items;
    }

    private static LegacyDeviceView.Slot slot(List<LegacyDeviceView.Slot> slots, Item item,
                                              int device, String name) {
        if (item.index() >= slots.size()) {
            throw new ButtplugDeviceException("DeviceFeatureCountMismatch: " + name + " Index "
                    + item.index() + " but device " + device + " has " + slots.size()
                    + " such feature(s)");
        }
        return slots.get(item.index());
    }

    private static OutputCmd cmd(long id, int device, LegacyDeviceView.Slot slot, int value) {
        return new OutputCmd(id, device, slot.featureIndex(), OutputCommand.of(slot.type(), value));
    }

    private static ButtplugDeviceException notSupported(int device, String what) {
        return new ButtplugDeviceException("MessageNotSupported: device " + device + " cannot run " + what);
    }
}
