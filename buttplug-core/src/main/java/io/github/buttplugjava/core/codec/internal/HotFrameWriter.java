package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.StopCmd;
import java.util.List;

/**
 * Writes frames of the v4 messages that carry a running session's traffic ({@code OutputCmd},
 * {@code InputCmd}, {@code StopCmd}, {@code Ping}, {@code Ok}, {@code InputReading}) straight into a
 * {@link StringBuilder}. These messages hold only integers, booleans and the fixed ASCII wire names
 * of enum constants, so no text needs escaping; the output is character for character what
 * {@link V4ClientWriter} and {@link V4ServerWriter} write through Jackson (same fields, same order,
 * no spaces). Any other message makes it answer {@code null}, and the caller writes the frame the
 * usual way.
 */
public final class HotFrameWriter {
    private HotFrameWriter() {
    }

    /**
     * Writes a v4 frame of hot messages.
     *
     * @param messages the messages in frame order
     * @return the frame text, or null when the list is empty or holds another kind of message
     */
    public static String write(List<? extends Message> messages) {
        int size = messages.size();
        if (size == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder(96 * size);
        out.append('[');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (!append(out, messages.get(i))) {
                return null;
            }
        }
        return out.append(']').toString();
    }

    private static boolean append(StringBuilder out, Message message) {
        if (message instanceof OutputCmd cmd) {
            open(out, "OutputCmd", cmd.id());
            indices(out, cmd.deviceIndex(), cmd.featureIndex());
            OutputCommand command = cmd.command();
            out.append(",\"Command\":{\"").append(command.type().wireName()).append("\":{\"Value\":")
                    .append(command.value());
            if (command.type() == OutputType.HW_POSITION_WITH_DURATION) {
                out.append(",\"Duration\":").append(command.durationMs());
            }
            out.append("}}");
        } else if (message instanceof Ok ok) {
            open(out, "Ok", ok.id());
        } else if (message instanceof InputReading reading) {
            open(out, "InputReading", reading.id());
            indices(out, reading.deviceIndex(), reading.featureIndex());
            out.append(",\"Reading\":{\"").append(reading.type().wireName()).append("\":{\"Value\":")
                    .append(reading.value()).append("}}");
        } else if (message instanceof Ping ping) {
            open(out, "Ping", ping.id());
        } else if (message instanceof InputCmd cmd) {
            open(out, "InputCmd", cmd.id());
            indices(out, cmd.deviceIndex(), cmd.featureIndex());
            out.append(",\"Type\":\"").append(cmd.type().wireName())
                    .append("\",\"Command\":\"").append(cmd.command().wireName()).append('"');
        } else if (message instanceof StopCmd cmd) {
            open(out, "StopCmd", cmd.id());
            if (cmd.deviceIndex().isPresent()) {
                out.append(",\"DeviceIndex\":").append(cmd.deviceIndex().getAsInt());
            }
            if (cmd.featureIndex().isPresent()) {
                out.append(",\"FeatureIndex\":").append(cmd.featureIndex().getAsInt());
            }
            // both default to true on the wire, so only a false is written
            if (!cmd.inputs()) {
                out.append(",\"Inputs\":false");
            }
            if (!cmd.outputs()) {
                out.append(",\"Outputs\":false");
            }
        } else {
            return false;
        }
        out.append("}}");
        return true;
    }

    private static void open(StringBuilder out, String name, long id) {
        out.append("{\"").append(name).append("\":{\"Id\":").append(id);
    }

    private static void indices(StringBuilder out, int device, int feature) {
        out.append(",\"DeviceIndex\":").append(device).append(",\"FeatureIndex\":").append(feature);
    }
}
