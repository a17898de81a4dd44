package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.DecodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Splits a text frame (one or more concatenated JSON arrays) into its message elements. */
public final class FrameReader {
    private FrameReader() {
    }

    /**
     * Reads a frame.
     *
     * @param frame the frame's text
     * @param maxFrameChars the longest frame accepted, in chars
     * @return the elements of every array in the frame, in order, at least one; malformed elements
     *         carry their problem
     * @throws DecodeException (Id 0) for an oversized, empty or malformed frame, a top-level value
     *                         that is not an array, or an empty array
     */
    public static List<WireEntry> read(String frame, int maxFrameChars) {
        if (frame == null || frame.isBlank()) {
            throw new DecodeException(0, "Empty frame: expected a JSON array of messages");
        }
        if (frame.length() > maxFrameChars) {
            throw new DecodeException(0, "Frame of " + frame.length()
                    + " characters is over the limit of " + maxFrameChars);
        }
        List<WireEntry> entries = new ArrayList<>();
        try (JsonParser parser = WireJson.MAPPER.createParser(frame)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    throw new DecodeException(0, "Frame must be a JSON array of messages, found "
                            + describe(token));
                }
                JsonNode array = WireJson.MAPPER.readTree(parser);
                if (array.isEmpty()) {
                    throw new DecodeException(0, "Frame holds an empty message array");
                }
                for (JsonNode element : array) {
                    entries.add(entry(element));
                }
            }
        } catch (StreamConstraintsException e) {
            throw new DecodeException(0, "Frame is nested too deeply or holds an oversized value: "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new DecodeException(0, "Server received invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DecodeException(0, "Frame could not be read: " + e.getMessage(), e);
        }
        return entries;
    }

    private static WireEntry entry(JsonNode element) {
        if (!element.isObject() || element.size() != 1) {
            return WireEntry.malformed(new DecodeException(0,
                    "Each message must be an object with exactly one key, the message name"));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
        Map.Entry<String, JsonNode> only = fields.next();
        if (!only.getValue().isObject()) {
            return WireEntry.malformed(new DecodeException(0,
                    "Body of " + only.getKey() + " must be an object"));
        }
        return WireEntry.of(only.getKey(), only.getValue());
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
