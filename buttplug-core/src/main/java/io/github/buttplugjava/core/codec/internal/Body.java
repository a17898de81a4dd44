package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.message.Message;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Strict reader of one JSON object (a message body or a nested object): every field read is
 * type- and range-checked, and {@link #done()} rejects fields nobody asked for. Errors carry the
 * enclosing message's Id. Not thread-safe; one per object.
 */
public final class Body {
    private final Body parent;
    private final String label;
    private final JsonNode node;
    private final long messageId;
    /** Names read so far; a handful per object, so a linear scan beats hashing. */
    private String[] consumed = new String[8];
    private int consumedCount;

    /**
     * @param context   what the object is, for error texts (e.g. "VibrateCmd" or "VibrateCmd.Speeds[0]")
     * @param node      the object
     * @param messageId the enclosing message's Id for errors (0 when unknown)
     */
    public Body(String context, JsonNode node, long messageId) {
        this(null, context, node, messageId);
    }

    /** A nested object; its context text is built only when an error needs it. */
    private Body(Body parent, String label, JsonNode node, long messageId) {
        this.parent = parent;
        this.label = label;
        this.node = node;
        this.messageId = messageId;
        if (!node.isObject()) {
            throw fail(context() + " must be an object");
        }
    }

    /**
     * A body of a message, with its readable Id for errors.
     *
     * @param messageName the message's wire name, for error texts
     * @param body the message's body object
     * @return a strict reader of the body
     */
    public static Body of(String messageName, JsonNode body) {
        return new Body(messageName, body, readableId(body));
    }

    /**
     * The Id of a message body when it is a JSON integer within 0..2^32-1, else 0.
     *
     * @param body a message body, may be null or malformed
     * @return the Id, or 0 when it cannot be read
     */
    public static long readableId(JsonNode body) {
        if (body == null) {
            return 0;
        }
        JsonNode id = body.get("Id");
        if (id != null && id.isIntegralNumber() && id.canConvertToLong()) {
            long value = id.longValue();
            if (value >= 0 && value <= Message.MAX_ID) {
                return value;
            }
        }
        return 0;
    }

    /**
     * What this object is, for error texts.
     *
     * @return e.g. {@code "VibrateCmd.Speeds[0]"}
     */
    public String context() {
        return parent == null ? label : parent.context() + "." + label;
    }

    /**
     * The enclosing message's Id as readable (for errors).
     *
     * @return the Id, 0 when it could not be read
     */
    public long messageId() {
        return messageId;
    }

    /**
     * A decode error for this message.
     *
     * @param text what is wrong, in the protocol's terms
     * @return the exception to throw, carrying this message's Id
     */
    public DecodeException fail(String text) {
        return new DecodeException(messageId, text);
    }

    /**
     * The field, which must be present and not null.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the field's value
     * @throws io.github.buttplugjava.core.codec.DecodeException when it is missing or null
     */
    public JsonNode required(String field) {
        consume(field);
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw fail(context() + " is missing required field " + field);
        }
        return value;
    }

    /**
     * The field when present (null counts as absent).
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value, or empty when absent or null
     */
    public Optional<JsonNode> optional(String field) {
        consume(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Whether the field is present.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return true when the object has the field, even with a null value
     */
    public boolean has(String field) {
        return node.has(field);
    }

    /**
     * A client message Id: 1..2^32-1.
     *
     * @return the Id
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not an integer or out
     *         of range
     */
    public long clientId() {
        long id = unsigned32("Id", required("Id"));
        if (id == 0) {
            throw fail(context() + " Id 0 is reserved for server events; client messages use 1.."
                    + Message.MAX_ID);
        }
        return id;
    }

    /**
     * A server message Id: 0..2^32-1.
     *
     * @return the Id
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not an integer or out
     *         of range
     */
    public long serverId() {
        return unsigned32("Id", required("Id"));
    }

    /**
     * A server event Id: exactly 0.
     *
     * @return 0
     * @throws io.github.buttplugjava.core.codec.DecodeException when the Id is anything else
     */
    public long systemId() {
        long id = serverId();
        if (id != 0) {
            throw fail(context() + " is an event and must have Id 0, not " + id);
        }
        return id;
    }

    /**
     * A non-negative integer that fits an int (indices).
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value, 0..{@link Integer#MAX_VALUE}
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not an integer or out
     *         of range
     */
    public int index(String field) {
        return index(field, required(field));
    }

    /**
     * A non-negative int from a node of this object.
     *
     * @param field the field name, for error texts
     * @param value the field's node
     * @return the value, 0..{@link Integer#MAX_VALUE}
     * @throws io.github.buttplugjava.core.codec.DecodeException when not an integer or out of range
     */
    public int index(String field, JsonNode value) {
        long v = integer(field, value);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw fail(context() + "." + field + " must be within 0.." + Integer.MAX_VALUE + ": " + v);
        }
        return (int) v;
    }

    /**
     * An unsigned 32-bit integer field.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value, 0..2^32-1
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not an integer or out
     *         of range
     */
    public long uint32(String field) {
        return unsigned32(field, required(field));
    }

    /**
     * An unsigned 32-bit integer from a node.
     *
     * @param field the field name, for error texts
     * @param value the field's node
     * @return the value, 0..2^32-1
     * @throws io.github.buttplugjava.core.codec.DecodeException when not an integer or out of range
     */
    public long unsigned32(String field, JsonNode value) {
        long v = integer(field, value);
        if (v < 0 || v > Message.MAX_ID) {
            throw fail(context() + "." + field + " must be within 0.." + Message.MAX_ID + ": " + v);
        }
        return v;
    }

    /**
     * A signed 32-bit integer field.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not an integer or out
     *         of range
     */
    public int int32(String field) {
        return int32(field, required(field));
    }

    /**
     * A signed 32-bit integer from a node.
     *
     * @param field the field name, for error texts
     * @param value the field's node
     * @return the value
     * @throws io.github.buttplugjava.core.codec.DecodeException when not an integer or out of range
     */
    public int int32(String field, JsonNode value) {
        long v = integer(field, value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw fail(context() + "." + field + " does not fit a 32-bit integer: " + v);
        }
        return (int) v;
    }

    /**
     * An integral JSON number that fits a long.
     *
     * @param field the field name, for error texts
     * @param value the field's node
     * @return the value
     * @throws io.github.buttplugjava.core.codec.DecodeException when not an integral number or too
     *         large for a long
     */
    public long integer(String field, JsonNode value) {
        if (!value.isIntegralNumber()) {
            throw fail(context() + "." + field + " must be an integer, found " + kind(value));
        }
        if (!value.canConvertToLong()) {
            throw fail(context() + "." + field + " is out of range: " + value.asText());
        }
        return value.longValue();
    }

    /**
     * A string field.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the text, never null
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing or not a string
     */
    public String string(String field) {
        JsonNode value = required(field);
        if (!value.isTextual()) {
            throw fail(context() + "." + field + " must be a string, found " + kind(value));
        }
        return value.textValue();
    }

    /**
     * A boolean field.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing or not a boolean
     */
    public boolean bool(String field) {
        return bool(field, required(field));
    }

    /**
     * A boolean from a node.
     *
     * @param field the field name, for error texts
     * @param value the field's node
     * @return the value
     * @throws io.github.buttplugjava.core.codec.DecodeException when not a boolean
     */
    public boolean bool(String field, JsonNode value) {
        if (!value.isBoolean()) {
            throw fail(context() + "." + field + " must be true or false, found " + kind(value));
        }
        return value.booleanValue();
    }

    /**
     * Any finite JSON number.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value, finite
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not a number or not
     *         finite
     */
    public double number(String field) {
        JsonNode value = required(field);
        if (!value.isNumber()) {
            throw fail(context() + "." + field + " must be a number, found " + kind(value));
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            throw fail(context() + "." + field + " is out of range: " + value.asText());
        }
        return d;
    }

    /**
     * A number within 0.0..1.0, as legacy speeds and positions are.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return the value, 0.0..1.0
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not a number or out
     *         of range
     */
    public double unitInterval(String field) {
        double d = number(field);
        if (d < 0.0 || d > 1.0) {
            throw fail(context() + "." + field + " must be within 0.0..1.0: " + d);
        }
        return d;
    }

    /**
     * An array field, with at least {@code minItems} elements.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @param minItems the fewest elements allowed
     * @return the elements, in order
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing, not an array or too
     *         short
     */
    public List<JsonNode> array(String field, int minItems) {
        return array(field, required(field), minItems);
    }

    /**
     * An array node, with at least {@code minItems} elements.
     *
     * @param field the field name, for error texts
     * @param value the field's node
     * @param minItems the fewest elements allowed
     * @return the elements, in order
     * @throws io.github.buttplugjava.core.codec.DecodeException when not an array or too short
     */
    public List<JsonNode> array(String field, JsonNode value, int minItems) {
        if (!value.isArray()) {
            throw fail(context() + "." + field + " must be an array, found " + kind(value));
        }
        if (value.size() < minItems) {
            throw fail(context() + "." + field + " needs at least " + minItems + " element(s)");
        }
        List<JsonNode> items = new ArrayList<>(value.size());
        value.forEach(items::add);
        return items;
    }

    /**
     * An object field, read with its own strict reader.
     *
     * @param field the field name, as on the wire (e.g. {@code "DeviceIndex"})
     * @return a strict reader of the object
     * @throws io.github.buttplugjava.core.codec.DecodeException when missing or not an object
     */
    public Body object(String field) {
        return nested(field, required(field));
    }

    /**
     * A nested object read with its own strict reader, errors still carrying this message's Id.
     *
     * @param name the object's name in error texts, e.g. {@code "Speeds[0]"}
     * @param value the node, which must be an object
     * @return a strict reader of the object
     * @throws io.github.buttplugjava.core.codec.DecodeException when not an object
     */
    public Body nested(String name, JsonNode value) {
        if (!value.isObject()) {
            throw fail(context() + "." + name + " must be an object, found " + kind(value));
        }
        return new Body(this, name, value, messageId);
    }

    /**
     * The names of this object's fields, in order.
     *
     * @return the field names, possibly empty
     */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Marks a field as read without reading it (for maps read by key).
     *
     * @param name the field name
     * @return the field's node, or null when absent
     */
    public JsonNode field(String name) {
        consume(name);
        return node.get(name);
    }

    /**
     * Checks that every field was read.
     *
     * @throws DecodeException naming the first unknown field
     */
    public void done() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!consumed(name)) {
                throw fail(context() + " has unknown field " + name);
            }
        }
    }

    private void consume(String name) {
        if (consumed(name)) {
            return;
        }
        if (consumedCount == consumed.length) {
            consumed = java.util.Arrays.copyOf(consumed, consumedCount * 2);
        }
        consumed[consumedCount++] = name;
    }

    private boolean consumed(String name) {
        for (int i = 0; i < consumedCount; i++) {
            if (consumed[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A short description of a node's JSON type, for error texts.
     *
     * @param value any node
     * @return e.g. {@code "a string"} or {@code "an object"}
     */
    public static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? "an integer" : "a fractional number";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }
}
