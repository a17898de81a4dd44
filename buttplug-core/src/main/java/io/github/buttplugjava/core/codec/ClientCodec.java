package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.FrameWriter;
import io.github.buttplugjava.core.codec.internal.HotFrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameWriter;
import io.github.buttplugjava.core.codec.internal.LegacyClientReader;
import io.github.buttplugjava.core.codec.internal.LegacyClientWriter;
import io.github.buttplugjava.core.codec.internal.LegacyHotReader;
import io.github.buttplugjava.core.codec.internal.LegacyHotWriter;
import io.github.buttplugjava.core.codec.internal.OkFrameScanner;
import io.github.buttplugjava.core.codec.internal.V4ClientWriter;
import io.github.buttplugjava.core.codec.internal.V4ServerReader;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The client side codec of one connection, for a server speaking {@link #version()}.
 *
 * <p>V4 is the plain v4 wire form. For V0..V3 (what this library uses to talk to older servers)
 * the codec converts both ways: server messages are rebuilt as v4 (ServerInfo from MessageVersion;
 * legacy device descriptions become v4 devices with one feature per legacy attribute entry;
 * DeviceAdded/DeviceRemoved become a full v4 DeviceList event with Id 0; SensorReading and
 * BatteryLevelReading become InputReading), and v4 commands on those features are written as
 * ScalarCmd, VibrateCmd, RotateCmd, LinearCmd, SensorReadCmd, BatteryLevelCmd, StopDeviceCmd or
 * StopAllDevices. v0 and v1 servers give no step counts; their features get 100 steps.
 *
 * <p>Not thread-safe: one connection uses it serially.
 */
public final class ClientCodec {
    private final SpecVersion version;
    private final int maxFrameChars;
    private final LegacyClientReader legacy;

    /**
     * @param version       the server's spec version
     * @param maxFrameChars longest frame accepted, in characters
     * @throws IllegalArgumentException when {@code maxFrameChars} is not positive
     */
    public ClientCodec(SpecVersion version, int maxFrameChars) {
        this.version = Objects.requireNonNull(version, "version");
        if (maxFrameChars <= 0) {
            throw new IllegalArgumentException("maxFrameChars must be positive");
        }
        this.maxFrameChars = maxFrameChars;
        this.legacy = version == SpecVersion.V4 ? null : new LegacyClientReader(version);
    }

    /**
     * The spec version this codec speaks.
     *
     * @return the server's spec version, fixed at construction
     */
    public SpecVersion version() {
        return version;
    }

    /**
     * Encodes v4 client messages as one frame in this version.
     *
     * @param messages the v4 client messages, at least one, in the order they go in the frame
     * @return the frame text, a JSON array
     * @throws ButtplugMessageException when a message has no form in this version (e.g. a StopCmd
     *                                  of one feature below v4), or {@code messages} is empty
     * @throws ButtplugDeviceException  when a command names a device or feature this codec has not
     *                                  decoded, or a value outside the feature's range (below v4)
     */
    public String encode(List<ClientMessage> messages) {
        if (messages.isEmpty()) {
            throw new ButtplugMessageException("a frame needs at least one message");
        }
        if (legacy == null) {
            String hot = HotFrameWriter.write(messages);
            if (hot != null) {
                return hot;
            }
        }
        if (legacy != null) {
            String hot = LegacyHotWriter.write(messages, legacy.devices());
            if (hot != null) {
                return hot;
            }
        }
        FrameWriter frame = new FrameWriter();
        try {
            if (legacy == null) {
                for (ClientMessage message : messages) {
                    V4ClientWriter.write(frame, message);
                }
            } else {
                LegacyClientWriter.write(frame, version, messages, legacy.devices());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame.finish();
    }

    /**
     * Decodes a server frame to v4 messages.
     *
     * @param frame one received text frame
     * @return the messages, in frame order; possibly empty when every message had no v4 meaning
     * @throws DecodeException on a malformed frame or an invalid message
     */
    public List<ServerMessage> decode(String frame) {
        List<ServerMessage> ok = OkFrameScanner.read(frame); // the commonest frame, the same in every version
        if (ok != null) {
            return ok;
        }
        if (legacy == null) {
            List<Message> hot = HotFrameReader.read(frame, maxFrameChars, HotFrameReader.Direction.TO_CLIENT);
            if (hot != null) {
                List<ServerMessage> out = new ArrayList<>(hot.size());
                for (Message message : hot) {
                    out.add((ServerMessage) message);
                }
                return out;
            }
        } else {
            List<ServerMessage> oks = LegacyHotReader.readOks(frame, maxFrameChars);
            if (oks != null) {
                return oks;
            }
        }
        List<WireEntry> entries = FrameReader.read(frame, maxFrameChars);
        List<ServerMessage> out = new ArrayList<>(entries.size());
        for (WireEntry entry : entries) {
            if (entry.problem() != null) {
                throw entry.problem();
            }
            if (legacy == null) {
                out.add(V4ServerReader.read(entry.name(), entry.body()));
            } else {
                legacy.read(entry.name(), entry.body()).ifPresent(out::add);
            }
        }
        return out;
    }
}
