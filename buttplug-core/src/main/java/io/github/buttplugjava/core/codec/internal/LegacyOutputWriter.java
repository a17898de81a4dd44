package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import java.io.IOException;
import java.util.List;

/**
 * Writes v4 OutputCmds as the legacy output message of their features' targets. Consecutive
 * commands with the same Id, device and target family form one message with several entries
 * (the inverse of a VibrateCmd with several speeds).
 */
final class LegacyOutputWriter {
    private LegacyOutputWriter() {
    }

    /** Whether {@code next} can join a message that {@code first} began. */
    static boolean joins(OutputCmd first, ClientTarget firstTarget, OutputCmd next, ClientTarget nextTarget) {
        return first.id() == next.id() && first.deviceIndex() == next.deviceIndex()
                && firstTarget.kind() == nextTarget.kind()
                && firstTarget.kind() != ClientTarget.Kind.SINGLE_MOTOR;
    }

    /** Checks every command against its target (before anything is written). */
    static void check(OutputCmd cmd, ClientTarget target) {
        OutputCommand c = cmd.command();
        if (target.output() != c.type()) {
            throw new ButtplugDeviceException("MessageNotSupported: feature " + cmd.featureIndex()
                    + " of device " + cmd.deviceIndex() + " has no " + c.type().wireName() + " output");
        }
        int steps = target.steps();
        int min = target.kind() == ClientTarget.Kind.ROTATE ? -steps : 0;
        if (c.value() < min || c.value() > steps) {
            throw new ButtplugDeviceException("DeviceStepRangeError: value " + c.value()
                    + " outside " + min + ".." + steps);
        }
        if (c.durationMs() > LegacyOutputReader.MAX_LINEAR_DURATION) {
            throw new ButtplugDeviceException("DeviceStepRangeError: duration " + c.durationMs()
                    + " ms does not fit a LinearCmd");
        }
    }

    /** Writes one whole message for a group of checked commands. */
    static void write(FrameWriter frame, List<OutputCmd> cmds, List<ClientTarget> targets)
            throws IOException {
        JsonGenerator g = frame.json();
        OutputCmd first = cmds.get(0);
        ClientTarget kind = targets.get(0);
        String name = switch (kind.kind()) {
            case SINGLE_MOTOR -> "SingleMotorVibrateCmd";
            case VIBRATE -> "VibrateCmd";
            case ROTATE -> "RotateCmd";
            case LINEAR -> "LinearCmd";
            case SCALAR -> "ScalarCmd";
            default -> throw new ButtplugDeviceException("MessageNotSupported: feature "
                    + first.featureIndex() + " of device " + first.deviceIndex() + " is not an output");
        };
        frame.begin(name);
        g.writeNumberField("Id", first.id());
        g.writeNumberField("DeviceIndex", first.deviceIndex());
        if (kind.kind() == ClientTarget.Kind.SINGLE_MOTOR) {
            g.writeNumberField("Speed", ScalarMath.unitForCeil(first.command().value(), kind.steps()));
            frame.end();
            return;
        }
        g.writeArrayFieldStart(switch (kind.kind()) {
            case VIBRATE -> "Speeds";
            case ROTATE -> "Rotations";
            case LINEAR -> "Vectors";
            default -> "Scalars";
        });
        for (int i = 0; i < cmds.size(); i++) {
            entry(g, cmds.get(i).command(), targets.get(i));
        }
        g.writeEndArray();
        frame.end();
    }

    private static void entry(JsonGenerator g, OutputCommand c, ClientTarget t) throws IOException {
        g.writeStartObject();
        g.writeNumberField("Index", t.legacyIndex());
        switch (t.kind()) {
            case VIBRATE -> g.writeNumberField("Speed", ScalarMath.unitForCeil(c.value(), t.steps()));
            case ROTATE -> {
                g.writeNumberField("Speed", ScalarMath.unitForCeil(Math.abs(c.value()), t.steps()));
                g.writeBooleanField("Clockwise", c.value() >= 0);
            }
            case LINEAR -> {
                g.writeNumberField("Duration", c.durationMs());
                g.writeNumberField("Position", ScalarMath.unitForTrunc(c.value(), t.steps()));
            }
            default -> {
                g.writeNumberField("Scalar", ScalarMath.unitForCeil(c.value(), t.steps()));
                g.writeStringField("ActuatorType", t.actuator());
            }
        }
        g.writeEndObject();
    }
}
