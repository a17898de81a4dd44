package io.github.buttplugjava.core.codec.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.buttplugjava.core.codec.DecodeException;

/**
 * One element of a frame's array: a message name and its body, or the reason the element is not
 * a one-key object with an object body.
 *
 * @param name    message name, null when {@code problem} is set
 * @param body    message body (an object node), null when {@code problem} is set
 * @param problem why the element is malformed, or null
 */
public record WireEntry(String name, JsonNode body, DecodeException problem) {
    /**
     * A well-formed element.
     *
     * @param name the message name
     * @param body the message body, an object node
     * @return the entry
     */
    public static WireEntry of(String name, JsonNode body) {
        return new WireEntry(name, body, null);
    }

    /**
     * A malformed element.
     *
     * @param problem why the element is malformed
     * @return the entry
     */
    public static WireEntry malformed(DecodeException problem) {
        return new WireEntry(null, null, problem);
    }

    /**
     * The element's Id when it can be read (a JSON integer 0..2^32-1), else 0.
     *
     * @return the Id, or 0
     */
    public long readableId() {
        if (problem != null) {
            return problem.id();
        }
        return Body.readableId(body);
    }
}
