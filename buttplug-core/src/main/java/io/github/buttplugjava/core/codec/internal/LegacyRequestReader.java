package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.codec.Decoded;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;
import java.util.List;
import java.util.Optional;

/**
 * Decodes spec v0..v3 client messages (other than RequestServerInfo) into v4 commands, using the
 * session's device list for per-type indices. Device problems (unknown device, index past the
 * attribute list, actuator type the feature lacks) are ERROR_DEVICE; malformed bodies ERROR_MSG.
 */
public final class LegacyRequestReader {
    private final PendingReadings pending;

    /** @param pending where sensor requests are remembered for converting their replies */
    public LegacyRequestReader(PendingReadings pending) {
        this.pending = pending;
    }

    /**
     * Decodes one message of a v0..v3 client.
     *
     * @param version the client's version, V0..V3
     * @param name the message's wire name
     * @param json the message body
     * @param devices the session's current device list
     * @return the v4 commands to run, or the rejection to answer with
     * @throws io.github.buttplugjava.core.ButtplugException (DecodeException or device error)
     */
    public Decoded read(SpecVersion version, String name, JsonNode json, DeviceList devices) {
        Optional<String> unsupported = LegacyNames.unsupported(version, name);
        if (unsupported.isPresent()) {
            long id = UnsupportedMessages.check(name, json);
            return new Decoded.Rejected(id, new ButtplugMessageException(unsupported.get()));
        }
        if (!LegacyNames.converted(version, name)) {
            throw new DecodeException(Body.readableId(json), LegacyNames.unknownText(name, version));
        }
        Body body = Body.of(name, json);
        long id = body.clientId();
        return switch (name) {
            case "Ping" -> simple(body, name, new Ping(id));
            case "StartScanning" -> simple(body, name, new StartScanning(id));
            case "StopScanning" -> simple(body, name, new StopScanning(id));
            case "RequestDeviceList" -> simple(body, name, new RequestDeviceList(id));
            case "StopAllDevices" -> simple(body, name, StopCmd.all(id));
            case "StopDeviceCmd" -> {
                int device = body.index("DeviceIndex");
                body.done();
                device(devices, device, id);
                yield new Decoded.Request(id, name, List.of(StopCmd.device(id, device)));
            }
            case "BatteryLevelCmd" -> batteryLevel(body, id, devices);
            case "SensorReadCmd" -> sensorRead(body, id, devices);
            case "SensorSubscribeCmd", "SensorUnsubscribeCmd" -> {
                body.index("DeviceIndex");
                body.index("SensorIndex");
                body.string("SensorType");
                body.done();
                yield new Decoded.Rejected(id, new ButtplugDeviceException("MessageNotSupported: "
                        + name + " (spec v3) was never implemented or indexed correctly; use"
                        + " SensorReadCmd, or spec v4 InputCmd Subscribe"));
            }
            default -> new Decoded.Request(id, name,
                    LegacyOutputReader.read(name, body, id, devices));
        };
    }

    private static Decoded simple(Body body, String name, ClientMessage message) {
        body.done();
        return new Decoded.Request(message.id(), name, List.of(message));
    }

    private Decoded batteryLevel(Body body, long id, DeviceList devices) {
        int device = body.index("DeviceIndex");
        body.done();
        LegacyDeviceView view = LegacyDeviceView.of(device(devices, device, id));
        if (view.battery().isEmpty()) {
            throw new ButtplugDeviceException("MessageNotSupported: device " + device
                    + " has no battery to read (BatteryLevelCmd)");
        }
        int feature = view.battery().get(0).featureIndex();
        pending.remember(id, new PendingReadings.Pending(
                PendingReadings.Shape.BATTERY_LEVEL_READING, device, feature, 0));
        return new Decoded.Request(id, "BatteryLevelCmd", List.of(
                new InputCmd(id, device, feature, InputType.BATTERY, InputCommandType.READ)));
    }

    private Decoded sensorRead(Body body, long id, DeviceList devices) {
        int device = body.index("DeviceIndex");
        int sensorIndex = body.index("SensorIndex");
        String sensorType = body.string("SensorType");
        body.done();
        LegacyDeviceView view = LegacyDeviceView.of(device(devices, device, id));
        if (!sensorType.equalsIgnoreCase("Battery")) {
            throw new ButtplugDeviceException("MessageNotSupported: SensorReadCmd of SensorType "
                    + sensorType + "; only Battery can be read by spec v3 clients");
        }
        if (sensorIndex >= view.battery().size()) {
            throw new ButtplugDeviceException("DeviceFeatureIndexError: device " + device
                    + " has no Battery sensor with SensorIndex " + sensorIndex);
        }
        int feature = view.battery().get(sensorIndex).featureIndex();
        pending.remember(id, new PendingReadings.Pending(
                PendingReadings.Shape.SENSOR_READING, device, feature, sensorIndex));
        return new Decoded.Request(id, "SensorReadCmd", List.of(
                new InputCmd(id, device, feature, InputType.BATTERY, InputCommandType.READ)));
    }

    /** The device with this index, or DeviceNotAvailable (ERROR_DEVICE). */
    static DeviceInfo device(DeviceList devices, int index, long id) {
        return devices.device(index).orElseThrow(() -> new ButtplugDeviceException(
                "DeviceNotAvailable: no device with index " + index));
    }
}
