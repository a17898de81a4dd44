package io.github.buttplugjava.btle.lovenseconnect.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the app's answer to {@code GET /GetToys}: {@code {"type":"OK","code":200,"data":{"<id>":
 * {"id":..,"name":..,"nickName":..,"status":..,"version":..,"battery":..}}}}. {@code status} may be
 * a boolean, a number or a string ({@code "1"}, {@code "true"}); {@code battery} a number, a string
 * or null (read as 0), clamped to 0..100. A missing {@code data} is no toys.
 */
public final class ToyListParser {

    /** The most toys one answer may list. */
    public static final int MAX_TOYS = 64;
    /** The longest toy id or name accepted. */
    public static final int MAX_TEXT = 128;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToyListParser() {
    }

    /**
     * Parses one answer.
     *
     * @param body the answer's text
     * @return the toys, in the answer's order
     * @throws IllegalArgumentException when the text is not such an answer, lists more than
     *         {@link #MAX_TOYS} toys, or a toy lacks its id or name or has one longer than {@link #MAX_TEXT} or with control characters
     */
    public static List<ConnectToy> parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("GetToys answer is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("GetToys answer is not a JSON object");
        }
        JsonNode data = root.get("data");
        List<ConnectToy> toys = new ArrayList<>();
        if (data == null || data.isNull()) {
            return toys;
        }
        if (!data.isObject()) {
            throw new IllegalArgumentException("GetToys answer's data is not an object");
        }
        if (data.size() > MAX_TOYS) {
            throw new IllegalArgumentException("GetToys answer lists " + data.size() + " toys, more than " + MAX_TOYS);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            JsonNode toy = it.next().getValue();
            if (!toy.isObject()) {
                throw new IllegalArgumentException("GetToys answer has a toy that is not an object");
            }
            toys.add(new ConnectToy(text(toy, "id"), text(toy, "name"), bool(toy.get("status")),
                    battery(toy.get("battery"))));
        }
        return toys;
    }

    private static String text(JsonNode toy, String field) {
        JsonNode v = toy.get(field);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("GetToys answer has a toy without " + field);
        }
        String s = v.asText();
        if (s.length() > MAX_TEXT) {
            throw new IllegalArgumentException("GetToys answer has a toy " + field + " longer than " + MAX_TEXT);
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("GetToys answer has a toy " + field + " with control characters");
        }
        return s;
    }

    private static boolean bool(JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.intValue() != 0;
        }
        String s = v.asText().trim();
        return s.equals("1") || s.equalsIgnoreCase("true");
    }

    private static int battery(JsonNode v) {
        if (v == null || v.isNull()) {
            return 0;
        }
        int level;
        if (v.isNumber()) {
            level = v.intValue();
        } else {
            try {
                level = Integer.parseInt(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("GetToys answer has a battery level that is not a number", e);
            }
        }
        return Math.max(0, Math.min(100, level));
    }
}
