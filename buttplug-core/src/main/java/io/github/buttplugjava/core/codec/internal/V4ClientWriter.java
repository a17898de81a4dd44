package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.StopCmd;
import java.io.IOException;

/** Writes v4 client-to-server messages. */
public final class V4ClientWriter {
    private V4ClientWriter() {
    }

    /**
     * Appends one message to the frame.
     *
     * @param frame the frame to append to
     * @param message the message
     * @throws IOException when the generator fails (it writes to memory, so only on a bug)
     */
    public static void write(FrameWriter frame, ClientMessage message) throws IOException {
        frame.begin(message.messageName());
        JsonGenerator g = frame.json();
        g.writeNumberField("Id", message.id());
        if (message instanceof RequestServerInfo rsi) {
            g.writeStringField("ClientName", rsi.clientName());
            g.writeNumberField("ProtocolVersionMajor", rsi.protocolVersionMajor());
            g.writeNumberField("ProtocolVersionMinor", rsi.protocolVersionMinor());
        } else if (message instanceof OutputCmd cmd) {
            g.writeNumberField("DeviceIndex", cmd.deviceIndex());
            g.writeNumberField("FeatureIndex", cmd.featureIndex());
            g.writeObjectFieldStart("Command");
            writeCommand(g, cmd.command());
            g.writeEndObject();
        } else if (message instanceof InputCmd cmd) {
            g.writeNumberField("DeviceIndex", cmd.deviceIndex());
            g.writeNumberField("FeatureIndex", cmd.featureIndex());
            g.writeStringField("Type", cmd.type().wireName());
            g.writeStringField("Command", cmd.command().wireName());
        } else if (message instanceof StopCmd cmd) {
            if (cmd.deviceIndex().isPresent()) {
                g.writeNumberField("DeviceIndex", cmd.deviceIndex().getAsInt());
            }
            if (cmd.featureIndex().isPresent()) {
                g.writeNumberField("FeatureIndex", cmd.featureIndex().getAsInt());
            }
            // both default to true on the wire, so only a false is written
            if (!cmd.inputs()) {
                g.writeBooleanField("Inputs", false);
            }
            if (!cmd.outputs()) {
                g.writeBooleanField("Outputs", false);
            }
        }
        frame.end();
    }

    private static void writeCommand(JsonGenerator g, OutputCommand command) throws IOException {
        g.writeObjectFieldStart(command.type().wireName());
        g.writeNumberField("Value", command.value());
        if (command.type() == OutputType.HW_POSITION_WITH_DURATION) {
            g.writeNumberField("Duration", command.durationMs());
        }
        g.writeEndObject();
    }
}
