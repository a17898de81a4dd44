package io.github.buttplugjava.core.codec.internal;

import static io.github.buttplugjava.core.codec.internal.StreamingStepAside.expect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame around the messages, for the streaming readers: a JSON array of one or more objects,
 * each with exactly one field (the message's name) whose value is an object read by the caller's
 * {@link Body}. Answers null (the tree path decides) for a frame that is too long, malformed or
 * empty, has anything after the array, or whose body steps aside.
 */
final class StreamingFrame {

    /** Reads one message's body; the parser is at the body's start and must be left at its end. */
    @FunctionalInterface
    interface Body<T> {
        /**
         * One message.
         *
         * @param p    the parser, at the body's START_OBJECT
         * @param name the message's name
         * @return the message
         * @throws IOException when the text cannot be read
         * @throws StreamingStepAside when the tree path must decide
         */
        T read(JsonParser p, String name) throws IOException;
    }

    private StreamingFrame() {
    }

    /**
     * The frame's messages, in order.
     *
     * @param frame         the frame's text
     * @param maxFrameChars the longest frame accepted, in chars
     * @param body          reads each message's body
     * @return the messages, or null when the frame must go the tree path
     */
    static <T> List<T> read(String frame, int maxFrameChars, Body<T> body) {
        if (frame == null || frame.length() > maxFrameChars) {
            return null;
        }
        try (JsonParser p = WireJson.MAPPER.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            List<T> out = new ArrayList<>(2);
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.START_OBJECT) {
                expect(p.nextToken() == JsonToken.FIELD_NAME);
                String name = p.currentName();
                expect(p.nextToken() == JsonToken.START_OBJECT);
                out.add(body.read(p, name));
                expect(p.nextToken() == JsonToken.END_OBJECT);
            }
            if (token != JsonToken.END_ARRAY || out.isEmpty() || p.nextToken() != null) {
                return null;
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
