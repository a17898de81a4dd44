package io.github.buttplugjava.core.codec.internal;

import static io.github.buttplugjava.core.codec.internal.StreamingStepAside.expect;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.bool;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.idOnly;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.index;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.ranged;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.StopCmd;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * Streaming decode of the v4 messages that carry a session's traffic once it runs: {@code OutputCmd},
 * {@code InputCmd}, {@code StopCmd}, {@code Ping}, {@code Ok} and {@code InputReading}, and of the
 * v4 {@code DeviceList} ({@link HotDeviceListReader}). It reads the parser's tokens straight into
 * the records, without building a tree.
 *
 * <p>It accepts a frame only when every element is one of those messages in exactly the shape the
 * tree path ({@link FrameReader} with {@link V4ClientReader} / {@link V4ServerReader}) accepts: the
 * same fields, each once, the same JSON types and the same ranges. Anything else, a malformed frame,
 * an unknown or duplicate field, a null, a fraction, a value out of range, another message, makes it
 * answer {@code null}, and the caller decodes the frame again on the tree path, which gives the error
 * or the message. So every check and every error text stays where it is; this class only skips the
 * tree for the frames that pass them all.
 */
public final class HotFrameReader {
    /** Which side's messages a frame may hold. */
    public enum Direction {
        /** Client messages only (what a server reads): OutputCmd, InputCmd, StopCmd, Ping. */
        TO_SERVER,
        /** Server messages only (what a client reads): Ok, InputReading, DeviceList. */
        TO_CLIENT,
        /** Both (the direction-free {@code JsonCodec}). */
        BOTH
    }

    private static final StreamingStepAside NOT_HOT = StreamingStepAside.INSTANCE;

    private HotFrameReader() {
    }

    /**
     * Decodes a frame of hot messages.
     *
     * @param frame the frame's text
     * @param maxFrameChars the longest frame accepted, in chars
     * @param direction whose messages the frame may hold
     * @return the messages in frame order, or null when the frame must go the tree path
     */
    public static List<Message> read(String frame, int maxFrameChars, Direction direction) {
        return StreamingFrame.read(frame, maxFrameChars, (p, name) -> message(p, name, direction));
    }

    /**
     * The wire name of a message this reader produces.
     *
     * @param message a message returned by {@link #read}
     * @return its v4 wire name
     */
    public static String wireName(Message message) {
        if (message instanceof OutputCmd) {
            return "OutputCmd";
        }
        if (message instanceof InputCmd) {
            return "InputCmd";
        }
        if (message instanceof StopCmd) {
            return "StopCmd";
        }
        if (message instanceof Ping) {
            return "Ping";
        }
        if (message instanceof Ok) {
            return "Ok";
        }
        if (message instanceof InputReading) {
            return "InputReading";
        }
        if (message instanceof DeviceList) {
            return "DeviceList";
        }
        throw new IllegalArgumentException("not a streaming-path message: " + message);
    }

    private static Message message(JsonParser p, String name, Direction direction) throws IOException {
        boolean client = direction != Direction.TO_CLIENT;
        boolean server = direction != Direction.TO_SERVER;
        if (client) {
            switch (name) {
                case "OutputCmd":
                    return outputCmd(p);
                case "InputCmd":
                    return inputCmd(p);
                case "StopCmd":
                    return stopCmd(p);
                case "Ping":
                    return new Ping(idOnly(p, 1));
                default:
                    break;
            }
        }
        if (server) {
            switch (name) {
                case "Ok":
                    return new Ok(idOnly(p, 0));
                case "InputReading":
                    return inputReading(p);
                case "DeviceList":
                    return HotDeviceListReader.read(p);
                default:
                    break;
            }
        }
        throw NOT_HOT;
    }

    private static OutputCmd outputCmd(JsonParser p) throws IOException {
        long id = -1;
        int device = -1;
        int feature = -1;
        OutputCommand command = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "Id" -> {
                    expect(id < 0);
                    id = ranged(p, 1, Message.MAX_ID);
                }
                case "DeviceIndex" -> {
                    expect(device < 0);
                    device = index(p);
                }
                case "FeatureIndex" -> {
                    expect(feature < 0);
                    feature = index(p);
                }
                case "Command" -> {
                    expect(command == null);
                    command = outputCommand(p);
                }
                default -> throw NOT_HOT;
            }
        }
        expect(id >= 0 && device >= 0 && feature >= 0 && command != null);
        return new OutputCmd(id, device, feature, command);
    }

    private static OutputCommand outputCommand(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.START_OBJECT);
        expect(p.nextToken() == JsonToken.FIELD_NAME);
        OutputType type = WireNames.output(p.currentName()).orElseThrow(() -> NOT_HOT);
        expect(p.nextToken() == JsonToken.START_OBJECT);
        OutputCommand command;
        if (type == OutputType.HW_POSITION_WITH_DURATION) {
            long value = -1;
            long duration = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                switch (p.currentName()) {
                    case "Value" -> {
                        expect(value < 0);
                        value = index(p);
                    }
                    case "Duration" -> {
                        expect(duration < 0);
                        duration = ranged(p, 0, Message.MAX_ID);
                    }
                    default -> throw NOT_HOT;
                }
            }
            expect(value >= 0 && duration >= 0);
            command = OutputCommand.positionWithDuration((int) value, duration);
        } else {
            command = OutputCommand.of(type, valueOnly(p));
        }
        expect(p.nextToken() == JsonToken.END_OBJECT);
        return command;
    }

    private static InputCmd inputCmd(JsonParser p) throws IOException {
        long id = -1;
        int device = -1;
        int feature = -1;
        InputType type = null;
        InputCommandType command = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "Id" -> {
                    expect(id < 0);
                    id = ranged(p, 1, Message.MAX_ID);
                }
                case "DeviceIndex" -> {
                    expect(device < 0);
                    device = index(p);
                }
                case "FeatureIndex" -> {
                    expect(feature < 0);
                    feature = index(p);
                }
                case "Type" -> {
                    expect(type == null);
                    type = WireNames.input(text(p)).orElseThrow(() -> NOT_HOT);
                }
                case "Command" -> {
                    expect(command == null);
                    command = WireNames.command(text(p)).orElseThrow(() -> NOT_HOT);
                }
                default -> throw NOT_HOT;
            }
        }
        expect(id >= 0 && device >= 0 && feature >= 0 && type != null && command != null);
        return new InputCmd(id, device, feature, type, command);
    }

    private static StopCmd stopCmd(JsonParser p) throws IOException {
        long id = -1;
        int device = -1;
        int feature = -1;
        int inputs = -1;
        int outputs = -1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "Id" -> {
                    expect(id < 0);
                    id = ranged(p, 1, Message.MAX_ID);
                }
                case "DeviceIndex" -> {
                    expect(device < 0);
                    device = index(p);
                }
                case "FeatureIndex" -> {
                    expect(feature < 0);
                    feature = index(p);
                }
                case "Inputs" -> {
                    expect(inputs < 0);
                    inputs = bool(p);
                }
                case "Outputs" -> {
                    expect(outputs < 0);
                    outputs = bool(p);
                }
                default -> throw NOT_HOT;
            }
        }
        expect(id >= 0);
        return new StopCmd(id,
                device < 0 ? OptionalInt.empty() : OptionalInt.of(device),
                feature < 0 ? OptionalInt.empty() : OptionalInt.of(feature),
                inputs != 0, outputs != 0);
    }

    private static InputReading inputReading(JsonParser p) throws IOException {
        long id = -1;
        int device = -1;
        int feature = -1;
        InputType type = null;
        int value = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            switch (p.currentName()) {
                case "Id" -> {
                    expect(id < 0);
                    id = ranged(p, 0, Message.MAX_ID);
                }
                case "DeviceIndex" -> {
                    expect(device < 0);
                    device = index(p);
                }
                case "FeatureIndex" -> {
                    expect(feature < 0);
                    feature = index(p);
                }
                case "Reading" -> {
                    expect(type == null);
                    expect(p.nextToken() == JsonToken.START_OBJECT);
                    expect(p.nextToken() == JsonToken.FIELD_NAME);
                    type = WireNames.input(p.currentName()).orElseThrow(() -> NOT_HOT);
                    expect(p.nextToken() == JsonToken.START_OBJECT);
                    value = valueOnly(p);
                    expect(p.nextToken() == JsonToken.END_OBJECT);
                }
                default -> throw NOT_HOT;
            }
        }
        expect(id >= 0 && device >= 0 && feature >= 0 && type != null);
        return new InputReading(id, device, feature, type, value);
    }

    /** The body of an object whose only field is a 32-bit signed {@code Value}; the parser is at its start. */
    private static int valueOnly(JsonParser p) throws IOException {
        expect(p.nextToken() == JsonToken.FIELD_NAME && p.currentName().equals("Value"));
        int value = StreamingTokens.int32(p);
        expect(p.nextToken() == JsonToken.END_OBJECT);
        return value;
    }
}
