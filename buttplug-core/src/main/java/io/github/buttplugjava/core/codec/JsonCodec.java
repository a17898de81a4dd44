package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.codec.internal.FrameReader;
import io.github.buttplugjava.core.codec.internal.FrameWriter;
import io.github.buttplugjava.core.codec.internal.HotFrameReader;
import io.github.buttplugjava.core.codec.internal.HotFrameWriter;
import io.github.buttplugjava.core.codec.internal.V4ClientReader;
import io.github.buttplugjava.core.codec.internal.V4ClientWriter;
import io.github.buttplugjava.core.codec.internal.V4ServerReader;
import io.github.buttplugjava.core.codec.internal.V4ServerWriter;
import io.github.buttplugjava.core.codec.internal.WireEntry;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Stateless spec v4 wire codec for every v4 message, both directions. Thread-safe.
 *
 * <p>Frames are JSON arrays of one-key objects ({@code [{"Ok":{"Id":1}}]}); a frame may hold
 * several messages and several concatenated arrays. Decoding is strict: unknown messages, missing,
 * extra or mistyped fields and out-of-range values are errors, except that output and input types
 * a DeviceList lists but this library does not know are skipped (the spec's minor-version rule).
 */
public final class JsonCodec {
    private final int maxFrameChars;

    /** A codec with the {@link ServerCodec#DEFAULT_MAX_FRAME_CHARS default frame limit}. */
    public JsonCodec() {
        this(ServerCodec.DEFAULT_MAX_FRAME_CHARS);
    }

    /**
     * @param maxFrameChars longest frame accepted, in characters
     * @throws IllegalArgumentException when not positive
     */
    public JsonCodec(int maxFrameChars) {
        if (maxFrameChars <= 0) {
            throw new IllegalArgumentException("maxFrameChars must be positive");
        }
        this.maxFrameChars = maxFrameChars;
    }

    /**
     * Decodes a v4 frame.
     *
     * @param frame one received text frame, at most the frame limit in characters
     * @return the messages in frame order, at least one
     * @throws DecodeException on the first invalid message or a malformed frame
     */
    public List<Message> decode(String frame) throws DecodeException {
        List<Message> hot = HotFrameReader.read(frame, maxFrameChars, HotFrameReader.Direction.BOTH);
        if (hot != null) {
            return hot;
        }
        List<WireEntry> entries = FrameReader.read(frame, maxFrameChars);
        List<Message> messages = new ArrayList<>(entries.size());
        for (WireEntry entry : entries) {
            messages.add(decode(entry));
        }
        return messages;
    }

    static Message decode(WireEntry entry) {
        if (entry.problem() != null) {
            throw entry.problem();
        }
        if (V4ClientReader.NAMES.contains(entry.name())) {
            return V4ClientReader.read(entry.name(), entry.body());
        }
        return V4ServerReader.read(entry.name(), entry.body());
    }

    /**
     * Encodes messages as one v4 frame.
     *
     * @param messages client and server messages in any mix, at least one, in frame order
     * @return the frame text, a JSON array
     * @throws IllegalArgumentException when {@code messages} is empty (the spec forbids an empty array)
     */
    public String encode(List<? extends Message> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a frame needs at least one message");
        }
        String hot = HotFrameWriter.write(messages);
        if (hot != null) {
            return hot;
        }
        FrameWriter frame = new FrameWriter();
        try {
            for (Message message : messages) {
                if (message instanceof ClientMessage client) {
                    V4ClientWriter.write(frame, client);
                } else {
                    V4ServerWriter.write(frame, (ServerMessage) message);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frame.finish();
    }
}
