package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes v4 server messages for one connection in its version, converting down, and keeps what
 * the conversion needs: the devices the client was last told about (for DeviceAdded/DeviceRemoved
 * and for suppressing unchanged lists) and the pending sensor requests. Not thread-safe.
 */
public final class LegacyServerWriter {
    private static final Logger log = LoggerFactory.getLogger(LegacyServerWriter.class);

    private final PendingReadings pending;
    private Map<Integer, DeviceInfo> known = Map.of();
    private boolean listSent;

    /** @param pending the sensor requests remembered by the decoder */
    public LegacyServerWriter(PendingReadings pending) {
        this.pending = pending;
    }

    /**
     * For a v4 client: whether to send the message. A DeviceList event equal to what the client
     * last received is suppressed; every list updates what the client knows.
     *
     * @param message the message to send
     * @return false when the message must not be sent
     */
    public boolean admitV4(ServerMessage message) {
        if (message instanceof DeviceList list) {
            Map<Integer, DeviceInfo> next = index(list.devices());
            boolean unchanged = listSent && next.equals(known);
            known = next;
            listSent = true;
            return list.id() != 0 || !unchanged;
        }
        return true;
    }

    /**
     * Appends the message in a v0..v3 shape, or nothing when it has none at that version.
     *
     * @param frame the frame to append to
     * @param version the client's version, V0..V3
     * @param message the v4 message
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public void write(FrameWriter frame, SpecVersion version, ServerMessage message) throws IOException {
        JsonGenerator g = frame.json();
        if (message instanceof ServerInfo info) {
            frame.begin("ServerInfo");
            g.writeNumberField("Id", info.id());
            g.writeStringField("ServerName", info.serverName());
            if (version.major() < 2) {
                g.writeNumberField("MajorVersion", 0);
                g.writeNumberField("MinorVersion", 0);
                g.writeNumberField("BuildVersion", 0);
            }
            g.writeNumberField("MessageVersion", info.protocolVersionMajor());
            g.writeNumberField("MaxPingTime", info.maxPingTimeMs());
            frame.end();
        } else if (message instanceof ErrorMessage error) {
            frame.begin("Error");
            g.writeNumberField("Id", error.id());
            V4ServerWriter.writeErrorFields(g, error);
            frame.end();
        } else if (message instanceof DeviceList list) {
            writeDeviceList(frame, version, list);
        } else if (message instanceof InputReading reading) {
            writeReading(frame, version, reading);
        } else {
            frame.begin(message.messageName());
            g.writeNumberField("Id", message.id());
            frame.end();
        }
    }

    private void writeDeviceList(FrameWriter frame, SpecVersion version, DeviceList list)
            throws IOException {
        JsonGenerator g = frame.json();
        Map<Integer, DeviceInfo> next = index(list.devices());
        if (list.id() != 0) {
            frame.begin("DeviceList");
            g.writeNumberField("Id", list.id());
            g.writeArrayFieldStart("Devices");
            for (DeviceInfo d : list.devices()) {
                g.writeStartObject();
                LegacyDeviceWriter.writeFields(g, version, d);
                g.writeEndObject();
            }
            g.writeEndArray();
            frame.end();
        } else {
            for (Integer index : known.keySet().stream().sorted().toList()) {
                if (!next.containsKey(index)) {
                    frame.begin("DeviceRemoved");
                    g.writeNumberField("Id", 0);
                    g.writeNumberField("DeviceIndex", index);
                    frame.end();
                }
            }
            for (DeviceInfo d : list.devices()) {
                if (!known.containsKey(d.deviceIndex())) {
                    frame.begin("DeviceAdded");
                    g.writeNumberField("Id", 0);
                    LegacyDeviceWriter.writeFields(g, version, d);
                    frame.end();
                }
            }
        }
        known = next;
        listSent = true;
    }

    private void writeReading(FrameWriter frame, SpecVersion version, InputReading reading)
            throws IOException {
        Optional<PendingReadings.Pending> request = reading.id() == 0 ? Optional.empty()
                : pending.take(reading.id(), reading.deviceIndex(), reading.featureIndex());
        if (request.isEmpty() || reading.type() != InputType.BATTERY) {
            log.debug("InputReading {} has no spec v{} form; not sent", reading, version.major());
            return;
        }
        JsonGenerator g = frame.json();
        if (request.get().shape() == PendingReadings.Shape.SENSOR_READING) {
            frame.begin("SensorReading");
            g.writeNumberField("Id", reading.id());
            g.writeNumberField("DeviceIndex", reading.deviceIndex());
            g.writeNumberField("SensorIndex", request.get().sensorIndex());
            g.writeStringField("SensorType", "Battery");
            g.writeArrayFieldStart("Data");
            g.writeNumber(reading.value());
            g.writeEndArray();
        } else {
            frame.begin("BatteryLevelReading");
            g.writeNumberField("Id", reading.id());
            g.writeNumberField("DeviceIndex", reading.deviceIndex());
            g.writeNumberField("BatteryLevel", Math.max(0, Math.min(100, reading.value())) / 100.0);
        }
        frame.end();
    }

    private static Map<Integer, DeviceInfo> index(List<DeviceInfo> devices) {
        Map<Integer, DeviceInfo> map = new HashMap<>();
        for (DeviceInfo d : devices) {
            map.put(d.deviceIndex(), d);
        }
        return Map.copyOf(map);
    }
}
