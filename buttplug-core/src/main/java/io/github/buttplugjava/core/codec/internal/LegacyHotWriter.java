package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.StopCmd;

import java.util.List;
import java.util.Map;

/**
 * Direct writing of the two commands a client sends an old (v1..v3) server most: one vibrator's
 * level as a {@code VibrateCmd} of one speed, and a device's {@code StopDeviceCmd} (what the hub
 * sends a buttplug-js 0.13 forwarder). The text is character for character what
 * {@link LegacyClientWriter} writes through Jackson (same field order, same float, chosen by
 * {@link ScalarMath#unitForCeil}, written as {@link Double#toString} as Jackson writes it). Any other
 * frame, or a command the tree writer would refuse, gives null and goes the generator path, which
 * writes it or throws the error.
 */
public final class LegacyHotWriter {
    private LegacyHotWriter() {
    }

    /**
     * Writes a frame of one hot command, if it is one.
     *
     * @param messages the v4 client messages of the frame
     * @param devices  the server's devices as the client codec decoded them, by index
     * @return the frame, or null when it must go the generator path
     */
    public static String write(List<ClientMessage> messages, Map<Integer, ClientDeviceModel> devices) {
        if (messages.size() != 1) {
            return null;
        }
        ClientMessage message = messages.get(0);
        if (message instanceof OutputCmd cmd) {
            return vibrate(cmd, devices);
        }
        if (message instanceof StopCmd stop && stop.outputs() && stop.deviceIndex().isPresent()
                && stop.featureIndex().isEmpty()) {
            return "[{\"StopDeviceCmd\":{\"Id\":" + stop.id() + ",\"DeviceIndex\":" + stop.deviceIndex().getAsInt()
                    + "}}]";
        }
        return null;
    }

    private static String vibrate(OutputCmd cmd, Map<Integer, ClientDeviceModel> devices) {
        ClientDeviceModel model = devices.get(cmd.deviceIndex());
        if (model == null) {
            return null;
        }
        ClientTarget target = model.target(cmd.featureIndex()).orElse(null);
        OutputCommand c = cmd.command();
        if (target == null || target.kind() != ClientTarget.Kind.VIBRATE || target.output() != c.type()
                || c.value() < 0 || c.value() > target.steps() || c.durationMs() != 0) {
            return null;
        }
        return "[{\"VibrateCmd\":{\"Id\":" + cmd.id() + ",\"DeviceIndex\":" + cmd.deviceIndex()
                + ",\"Speeds\":[{\"Index\":" + target.legacyIndex() + ",\"Speed\":"
                + Double.toString(ScalarMath.unitForCeil(c.value(), target.steps())) + "}]}}]";
    }
}
