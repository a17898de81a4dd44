package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.StopCmd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes v4 client messages as a v0..v3 client would send them, using the legacy targets of the
 * devices the client decoded (spec.md §10 in reverse). Floats are chosen so that the server's
 * rounding gives back exactly the requested step.
 */
public final class LegacyClientWriter {
    private LegacyClientWriter() {
    }

    /**
     * Appends the messages; consecutive OutputCmds with one Id for one device join one message.
     *
     * @param frame the frame to append to
     * @param version the server's version, V0..V3
     * @param messages the v4 client messages, in order
     * @param devices the server's devices as the codec decoded them, by index
     * @throws ButtplugMessageException when a message has no form at this version
     * @throws ButtplugDeviceException  when a device or feature is unknown or a value out of range
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public static void write(FrameWriter frame, SpecVersion version, List<ClientMessage> messages,
                             Map<Integer, ClientDeviceModel> devices) throws IOException {
        for (ClientMessage m : messages) {
            if (m instanceof OutputCmd cmd) {
                LegacyOutputWriter.check(cmd, target(devices, cmd.deviceIndex(), cmd.featureIndex()));
            }
        }
        int i = 0;
        while (i < messages.size()) {
            if (messages.get(i) instanceof OutputCmd first) {
                List<OutputCmd> group = new ArrayList<>();
                List<ClientTarget> targets = new ArrayList<>();
                ClientTarget firstTarget = target(devices, first.deviceIndex(), first.featureIndex());
                while (i < messages.size() && messages.get(i) instanceof OutputCmd next) {
                    ClientTarget t = target(devices, next.deviceIndex(), next.featureIndex());
                    if (!group.isEmpty() && !LegacyOutputWriter.joins(first, firstTarget, next, t)) {
                        break;
                    }
                    group.add(next);
                    targets.add(t);
                    i++;
                }
                LegacyOutputWriter.write(frame, group, targets);
            } else {
                writeOne(frame, version, messages.get(i), devices);
                i++;
            }
        }
    }

    private static void writeOne(FrameWriter frame, SpecVersion version, ClientMessage message,
                                 Map<Integer, ClientDeviceModel> devices) throws IOException {
        JsonGenerator g = frame.json();
        if (message instanceof RequestServerInfo rsi) {
            frame.begin("RequestServerInfo");
            g.writeNumberField("Id", rsi.id());
            g.writeStringField("ClientName", rsi.clientName());
            if (version != SpecVersion.V0) {
                g.writeNumberField("MessageVersion", version.major());
            }
        } else if (message instanceof StopCmd stop) {
            if (!stop.outputs() || stop.featureIndex().isPresent() && stop.deviceIndex().isPresent()) {
                throw new ButtplugMessageException("StopCmd of one feature, or without stopping outputs,"
                        + " has no spec v" + version.major() + " form");
            }
            if (stop.deviceIndex().isPresent()) {
                frame.begin("StopDeviceCmd");
                g.writeNumberField("Id", stop.id());
                g.writeNumberField("DeviceIndex", stop.deviceIndex().getAsInt());
            } else {
                frame.begin("StopAllDevices");
                g.writeNumberField("Id", stop.id());
            }
        } else if (message instanceof InputCmd cmd) {
            writeInput(frame, cmd, target(devices, cmd.deviceIndex(), cmd.featureIndex()));
        } else {
            frame.begin(message.messageName());
            g.writeNumberField("Id", message.id());
        }
        frame.end();
    }

    private static void writeInput(FrameWriter frame, InputCmd cmd, ClientTarget target)
            throws IOException {
        JsonGenerator g = frame.json();
        if (target.input() != cmd.type()) {
            throw new ButtplugDeviceException("MessageNotSupported: feature " + cmd.featureIndex()
                    + " of device " + cmd.deviceIndex() + " has no " + cmd.type().wireName() + " input");
        }
        String name = switch (target.kind()) {
            case SENSOR_READ -> cmd.command() == InputCommandType.READ ? "SensorReadCmd" : null;
            case SENSOR_SUBSCRIBE -> cmd.command() == InputCommandType.SUBSCRIBE ? "SensorSubscribeCmd"
                    : cmd.command() == InputCommandType.UNSUBSCRIBE ? "SensorUnsubscribeCmd" : null;
            case BATTERY_LEVEL -> cmd.command() == InputCommandType.READ ? "BatteryLevelCmd" : null;
            default -> null;
        };
        if (name == null) {
            throw new ButtplugDeviceException("MessageNotSupported: " + cmd.command().wireName()
                    + " of feature " + cmd.featureIndex() + " of device " + cmd.deviceIndex());
        }
        frame.begin(name);
        g.writeNumberField("Id", cmd.id());
        g.writeNumberField("DeviceIndex", cmd.deviceIndex());
        if (target.kind() != ClientTarget.Kind.BATTERY_LEVEL) {
            g.writeNumberField("SensorIndex", target.legacyIndex());
            g.writeStringField("SensorType", sensorTypeName(target));
        }
    }

    private static String sensorTypeName(ClientTarget target) {
        return switch (target.input()) {
            case RSSI -> "RSSI";
            default -> target.input().wireName();
        };
    }

    private static ClientTarget target(Map<Integer, ClientDeviceModel> devices, int device, int feature) {
        ClientDeviceModel model = devices.get(device);
        if (model == null) {
            throw new ButtplugDeviceException("DeviceNotAvailable: no device with index " + device);
        }
        return model.target(feature).orElseThrow(() -> new ButtplugDeviceException(
                "DeviceFeatureIndexError: device " + device + " has no feature " + feature));
    }
}
