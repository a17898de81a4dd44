package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import java.io.IOException;
import java.util.Map;

/** Writes v4 server-to-client messages. */
public final class V4ServerWriter {
    private V4ServerWriter() {
    }

    /**
     * Appends one message to the frame.
     *
     * @param frame the frame to append to
     * @param message the message
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public static void write(FrameWriter frame, ServerMessage message) throws IOException {
        frame.begin(message.messageName());
        JsonGenerator g = frame.json();
        g.writeNumberField("Id", message.id());
        if (message instanceof ServerInfo info) {
            g.writeStringField("ServerName", info.serverName());
            g.writeNumberField("ProtocolVersionMajor", info.protocolVersionMajor());
            g.writeNumberField("ProtocolVersionMinor", info.protocolVersionMinor());
            g.writeNumberField("MaxPingTime", info.maxPingTimeMs());
        } else if (message instanceof ErrorMessage error) {
            writeErrorFields(g, error);
        } else if (message instanceof DeviceList list) {
            g.writeObjectFieldStart("Devices");
            for (DeviceInfo device : list.devices()) {
                writeDevice(g, device);
            }
            g.writeEndObject();
        } else if (message instanceof InputReading reading) {
            g.writeNumberField("DeviceIndex", reading.deviceIndex());
            g.writeNumberField("FeatureIndex", reading.featureIndex());
            g.writeObjectFieldStart("Reading");
            g.writeObjectFieldStart(reading.type().wireName());
            g.writeNumberField("Value", reading.value());
            g.writeEndObject();
            g.writeEndObject();
        }
        frame.end();
    }

    /**
     * Writes ErrorMessage and ErrorCode (the same in every version).
     *
     * @param g the generator, inside the message body
     * @param error the message
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public static void writeErrorFields(JsonGenerator g, ErrorMessage error) throws IOException {
        g.writeStringField("ErrorMessage", error.text());
        g.writeNumberField("ErrorCode", error.code().code());
    }

    private static void writeDevice(JsonGenerator g, DeviceInfo device) throws IOException {
        g.writeObjectFieldStart(Integer.toString(device.deviceIndex()));
        g.writeStringField("DeviceName", device.deviceName());
        g.writeNumberField("DeviceIndex", device.deviceIndex());
        g.writeNumberField("DeviceMessageTimingGap", device.timingGapMs());
        if (device.displayName() != null) {
            g.writeStringField("DeviceDisplayName", device.displayName());
        }
        g.writeObjectFieldStart("DeviceFeatures");
        for (DeviceFeature feature : device.features()) {
            writeFeature(g, feature);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeFeature(JsonGenerator g, DeviceFeature feature) throws IOException {
        g.writeObjectFieldStart(Integer.toString(feature.featureIndex()));
        g.writeNumberField("FeatureIndex", feature.featureIndex());
        g.writeStringField("FeatureDescription", feature.description());
        if (!feature.outputs().isEmpty()) {
            g.writeObjectFieldStart("Output");
            for (Map.Entry<OutputType, OutputLimits> e : feature.outputs().entrySet()) {
                g.writeObjectFieldStart(e.getKey().wireName());
                writeRange(g, "Value", e.getValue().value());
                if (e.getValue().duration() != null) {
                    writeRange(g, "Duration", e.getValue().duration());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        if (!feature.inputs().isEmpty()) {
            g.writeObjectFieldStart("Input");
            for (Map.Entry<InputType, InputLimits> e : feature.inputs().entrySet()) {
                g.writeObjectFieldStart(e.getKey().wireName());
                g.writeArrayFieldStart("Value");
                for (Range r : e.getValue().value()) {
                    writePair(g, r);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("Command");
                for (InputCommandType c : InputCommandType.values()) {
                    if (e.getValue().accepts(c)) {
                        g.writeString(c.wireName());
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes {@code "field":[min,max]}. */
    static void writeRange(JsonGenerator g, String field, Range r) throws IOException {
        g.writeFieldName(field);
        writePair(g, r);
    }

    /** Writes {@code [min,max]}. */
    static void writePair(JsonGenerator g, Range r) throws IOException {
        g.writeStartArray();
        g.writeNumber(r.min());
        g.writeNumber(r.max());
        g.writeEndArray();
    }
}
