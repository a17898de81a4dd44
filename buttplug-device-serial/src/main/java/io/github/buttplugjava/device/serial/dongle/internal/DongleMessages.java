package io.github.buttplugjava.device.serial.dongle.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Lovense dongle's wire format: one JSON object per line, {@code \r\n} after what we send.
 * What we send has the reference's field order ({@code type}, {@code func}, {@code id},
 * {@code cmd}). What the dongle sends is read leniently (unknown fields ignored, several objects on
 * one line accepted), with caps on how much is read.
 */
public final class DongleMessages {

    /** The most messages read from one line. */
    public static final int MAX_PER_LINE = 16;
    /** The longest text field kept (a toy id, a toy's reply). */
    public static final int MAX_TEXT = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    private DongleMessages() {
    }

    /**
     * {@code {"type":"toy","func":"search"}}: start searching for toys.
     *
     * @return the line, without its end
     */
    public static String search() {
        return write("toy", "search", null, null);
    }

    /**
     * {@code {"type":"usb","func":"stopSearch"}}: stop searching.
     *
     * @return the line, without its end
     */
    public static String stopSearch() {
        return write("usb", "stopSearch", null, null);
    }

    /**
     * {@code {"type":"toy","func":"statuss"}}: asks whether a toy is connected already (the
     * dongle answers a {@code status} 202 with its id, or nothing).
     *
     * @return the line, without its end
     */
    public static String status() {
        return write("toy", "statuss", null, null);
    }

    /**
     * {@code {"type":"toy","func":"command","id":ID,"cmd":CMD}}: a Lovense command for a toy.
     *
     * @param toyId the toy's id as the dongle gave it
     * @param command the toy command, e.g. {@code Vibrate:10;}
     * @return the line, without its end
     */
    public static String command(String toyId, String command) {
        return write("toy", "command", toyId, command);
    }

    private static String write(String type, String func, String id, String cmd) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", type);
            g.writeStringField("func", func);
            if (id != null) {
                g.writeStringField("id", id);
            }
            if (cmd != null) {
                g.writeStringField("cmd", cmd);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The messages on one line from the dongle; objects that are not dongle messages (no
     * {@code type} or {@code func}) are left out.
     *
     * @param line one line, without its end
     * @return the messages, at most {@link #MAX_PER_LINE}
     * @throws IllegalArgumentException when the line is not JSON
     */
    public static List<DongleMessage> read(String line) {
        List<DongleMessage> out = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            JsonToken t;
            while ((t = p.nextToken()) != null && out.size() < MAX_PER_LINE) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                JsonNode node = JSON.readTree(p);
                message(node).ifPresent(out::add);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        return out;
    }

    private static Optional<DongleMessage> message(JsonNode node) {
        JsonNode type = node.get("type");
        JsonNode func = node.get("func");
        if (type == null || !type.isTextual() || func == null || !func.isTextual()) {
            return Optional.empty();
        }
        JsonNode data = node.path("data");
        return Optional.of(new DongleMessage(text(type).orElseThrow(), text(func).orElseThrow(), number(node.get("result")),
                text(data.get("id")), text(data.get("data")), number(data.get("status"))));
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return Optional.empty();
        }
        String s = node.asText();
        return Optional.of(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s);
    }

    private static OptionalInt number(JsonNode node) {
        return node != null && node.canConvertToInt() && node.isIntegralNumber()
                ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }
}
