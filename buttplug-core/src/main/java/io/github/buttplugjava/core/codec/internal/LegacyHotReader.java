package io.github.buttplugjava.core.codec.internal;

import static io.github.buttplugjava.core.codec.internal.StreamingStepAside.expect;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.idOnly;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.index;
import static io.github.buttplugjava.core.codec.internal.StreamingTokens.ranged;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.buttplugjava.core.codec.Decoded;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Streaming decode of the spec v0..v3 messages that carry a legacy session's traffic once it runs:
 * a server reads {@code VibrateCmd}, {@code StopDeviceCmd}, {@code StopAllDevices} and {@code Ping}
 * from an old controller; a client of an old server (the hub's link to a buttplug-js 0.13 forwarder)
 * reads {@code Ok}. It reads the parser's tokens straight into v4 records, without building a tree.
 *
 * <p>As {@link HotFrameReader} does for v4, it accepts a frame only when every element is one of
 * those messages in exactly the shape, range and device the tree path ({@link FrameReader} with
 * {@link LegacyRequestReader} / {@link LegacyClientReader}) accepts: the same fields, each once, the
 * same JSON types and ranges, a listed device with enough vibrators. Anything else makes it answer
 * {@code null}, and the caller decodes the frame on the tree path, which gives the error or the
 * message. Every check and error text stays there; this class only skips the tree for frames that
 * pass them all, and the commands it builds are the tree path's (same rounding, same features).
 */
public final class LegacyHotReader {

    private LegacyHotReader() {
    }

    /**
     * Decodes a frame of a v0..v3 client (what a server session reads after the handshake).
     *
     * @param frame         the frame's text
     * @param maxFrameChars the longest frame accepted, in chars
     * @param version       the client's version, V0..V3
     * @param devices       the session's current device list, asked once per device command
     * @param views         the session's legacy views of its devices
     * @return one request per message, in frame order, or null when the frame must go the tree path
     */
    public static List<Decoded> readRequests(String frame, int maxFrameChars, SpecVersion version,
                                             Supplier<DeviceList> devices, LegacyViews views) {
        if (version == SpecVersion.V4) {
            return null;
        }
        return StreamingFrame.read(frame, maxFrameChars, (p, name) -> {
            expect(LegacyNames.converted(version, name));
            return request(p, name, devices, views);
        });
    }

    /**
     * Decodes a frame of a v0..v3 server that holds only {@code Ok} messages.
     *
     * @param frame         the frame's text
     * @param maxFrameChars the longest frame accepted, in chars
     * @return the Oks in frame order, or null when the frame must go the tree path
     */
    public static List<ServerMessage> readOks(String frame, int maxFrameChars) {
        return StreamingFrame.read(frame, maxFrameChars, (p, name) -> {
            expect(name.equals("Ok"));
            return new Ok(idOnly(p, 0));
        });
    }

    private static Decoded request(JsonParser p, String name, Supplier<DeviceList> devices, LegacyViews views)
            throws IOException {
        return switch (name) {
            case "VibrateCmd" -> vibrateCmd(p, devices, views);
            case "StopDeviceCmd" -> stopDeviceCmd(p, devices);
            case "StopAllDevices" -> single(name, StopCmd.all(idOnly(p, 1)));
            case "Ping" -> single(name, new Ping(idOnly(p, 1)));
            default -> throw StreamingStepAside.INSTANCE;
        };
    }

    private static Decoded single(String name, ClientMessage message) {
        return new Decoded.Request(message.id(), name, List.of(message));
    }

    private static Decoded stopDeviceCmd(JsonParser p, Supplier<DeviceList> devices) throws IOException {
        long id = -1;
        int device = -1;
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
                default -> throw StreamingStepAside.INSTANCE;
            }
        }
        expect(id >= 0 && device >= 0);
        expect(devices.get().device(device).isPresent());
        return single("StopDeviceCmd", StopCmd.device(id, device));
    }

    private static Decoded vibrateCmd(JsonParser p, Supplier<DeviceList> devices, LegacyViews views)
            throws IOException {
        long id = -1;
        int device = -1;
        int[] indices = null;
        double[] speeds = null;
        int count = 0;
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
                case "Speeds" -> {
                    expect(indices == null);
                    expect(p.nextToken() == JsonToken.START_ARRAY);
                    indices = new int[2];
                    speeds = new double[2];
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        if (count == indices.length) {
                            expect(count < LegacyViews.MAX_HOT_ITEMS);
                            indices = Arrays.copyOf(indices, count * 2);
                            speeds = Arrays.copyOf(speeds, count * 2);
                        }
                        int index = -1;
                        double speed = -1;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            switch (p.currentName()) {
                                case "Index" -> {
                                    expect(index < 0);
                                    index = index(p);
                                }
                                case "Speed" -> {
                                    expect(speed < 0);
                                    speed = unitInterval(p);
                                }
                                default -> throw StreamingStepAside.INSTANCE;
                            }
                        }
                        expect(index >= 0 && speed >= 0);
                        indices[count] = index;
                        speeds[count] = speed;
                        count++;
                    }
                    expect(p.currentToken() == JsonToken.END_ARRAY && count > 0);
                }
                default -> throw StreamingStepAside.INSTANCE;
            }
        }
        expect(id >= 0 && device >= 0 && indices != null);
        Optional<DeviceInfo> info = devices.get().device(device);
        expect(info.isPresent());
        List<LegacyDeviceView.Slot> vibrate = views.of(info.get()).vibrate();
        List<ClientMessage> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            expect(indices[i] < vibrate.size());
            LegacyDeviceView.Slot slot = vibrate.get(indices[i]);
            out.add(new OutputCmd(id, device, slot.featureIndex(),
                    OutputCommand.of(slot.type(), ScalarMath.ceilSteps(speeds[i], slot.steps()))));
        }
        return new Decoded.Request(id, "VibrateCmd", out);
    }

    /** A number within 0.0..1.0, integral or not, as the tree path's {@code Body.unitInterval} takes it. */
    private static double unitInterval(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        double value;
        if (token == JsonToken.VALUE_NUMBER_INT) {
            value = StreamingTokens.integral(p);
        } else {
            expect(token == JsonToken.VALUE_NUMBER_FLOAT);
            value = p.getDoubleValue();
        }
        expect(Double.isFinite(value) && value >= 0.0 && value <= 1.0);
        return value;
    }
}
