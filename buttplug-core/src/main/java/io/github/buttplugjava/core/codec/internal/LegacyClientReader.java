package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the messages of a v0..v3 server as v4 messages, keeping the devices it has seen (their
 * legacy targets are what {@link LegacyClientWriter} needs). DeviceAdded and DeviceRemoved become
 * a full v4 DeviceList event (Id 0). Messages with no v4 meaning (Log, RawReading, Test echo) are
 * skipped. Not thread-safe.
 */
public final class LegacyClientReader {
    private final SpecVersion version;
    private final Map<Integer, ClientDeviceModel> devices = new TreeMap<>();

    /** @param version the server's version, V0..V3 */
    public LegacyClientReader(SpecVersion version) {
        this.version = version;
    }

    /**
     * The devices known so far, by index (live view, read-only use).
     *
     * @return the devices by index, a live view
     */
    public Map<Integer, ClientDeviceModel> devices() {
        return devices;
    }

    /**
     * Reads one message.
     *
     * @param name the message's wire name
     * @param json the message body
     * @return the v4 message, or empty when it has none
     * @throws io.github.buttplugjava.core.codec.DecodeException when the message is invalid
     */
    public Optional<ServerMessage> read(String name, JsonNode json) {
        Body body = Body.of(name, json);
        ServerMessage message;
        switch (name) {
            case "Ok" -> message = new Ok(body.serverId());
            case "Error" -> message = V4ServerReader.error(body);
            case "ScanningFinished" -> message = new ScanningFinished(body.serverId());
            case "ServerInfo" -> message = serverInfo(body);
            case "DeviceList" -> message = deviceList(body);
            case "DeviceAdded" -> {
                body.systemId();
                ClientDeviceModel model = ClientDeviceModel.read(body, version);
                devices.put(model.info().deviceIndex(), model);
                message = currentList();
            }
            case "DeviceRemoved" -> {
                body.systemId();
                devices.remove(body.index("DeviceIndex"));
                message = currentList();
            }
            case "SensorReading" -> message = sensorReading(body);
            case "BatteryLevelReading" -> message = batteryLevel(body);
            case "Log", "RawReading", "Test", "RSSILevelReading" -> {
                return Optional.empty();
            }
            default -> throw body.fail("Unknown message " + name + " from a spec v"
                    + version.major() + " server");
        }
        body.done();
        return Optional.ofNullable(message);
    }

    private static ServerInfo serverInfo(Body body) {
        long id = body.serverId();
        String name = body.string("ServerName");
        int major = body.index("MessageVersion");
        long maxPing = body.uint32("MaxPingTime");
        for (String f : new String[] {"MajorVersion", "MinorVersion", "BuildVersion"}) {
            body.optional(f).ifPresent(n -> body.unsigned32(f, n));
        }
        return new ServerInfo(id, name, major, 0, maxPing);
    }

    private DeviceList deviceList(Body body) {
        long id = body.serverId();
        List<JsonNode> nodes = body.array("Devices", 0);
        devices.clear();
        for (int i = 0; i < nodes.size(); i++) {
            ClientDeviceModel model = ClientDeviceModel.read(body.nested("Devices[" + i + "]", nodes.get(i)),
                    version);
            devices.put(model.info().deviceIndex(), model);
        }
        return new DeviceList(id, infos());
    }

    private DeviceList currentList() {
        return new DeviceList(0, infos());
    }

    private List<DeviceInfo> infos() {
        List<DeviceInfo> list = new ArrayList<>(devices.size());
        devices.values().forEach(m -> list.add(m.info()));
        return list;
    }

    private InputReading sensorReading(Body body) {
        long id = body.serverId();
        int device = body.index("DeviceIndex");
        int sensorIndex = body.index("SensorIndex");
        String type = body.string("SensorType");
        List<JsonNode> data = body.array("Data", 1);
        int value = body.int32("Data", data.get(0));
        InputType input = WireNames.input(type)
                .orElseThrow(() -> body.fail("SensorReading has unknown SensorType " + type));
        ClientTarget.Kind kind = id == 0 ? ClientTarget.Kind.SENSOR_SUBSCRIBE : ClientTarget.Kind.SENSOR_READ;
        int feature = featureOf(device, kind, sensorIndex, input)
                .orElseThrow(() -> body.fail("SensorReading for unknown sensor " + sensorIndex
                        + " of device " + device));
        return new InputReading(id, device, feature, input, value);
    }

    private InputReading batteryLevel(Body body) {
        long id = body.serverId();
        int device = body.index("DeviceIndex");
        double level = body.unitInterval("BatteryLevel");
        int feature = featureOf(device, ClientTarget.Kind.BATTERY_LEVEL, 0, InputType.BATTERY)
                .orElseThrow(() -> body.fail("BatteryLevelReading for device " + device
                        + " that has no battery"));
        return new InputReading(id, device, feature, InputType.BATTERY, (int) Math.round(level * 100));
    }

    private Optional<Integer> featureOf(int device, ClientTarget.Kind kind, int index, InputType type) {
        ClientDeviceModel model = devices.get(device);
        if (model == null) {
            return Optional.empty();
        }
        return model.targets().entrySet().stream()
                .filter(e -> e.getValue().kind() == kind && e.getValue().legacyIndex() == index
                        && e.getValue().input() == type)
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
