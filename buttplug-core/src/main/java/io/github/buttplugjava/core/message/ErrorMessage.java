package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * The spec's {@code Error} message: a request failed (its Id), or an asynchronous failure (Id 0).
 *
 * @param id      the failed request's Id, or 0
 * @param code    the spec error class
 * @param text    human-readable text ({@code ErrorMessage} on the wire), never null
 */
public record ErrorMessage(long id, ErrorCode code, String text) implements ServerMessage {

    /**
     * @param id the failed request's Id, or 0
     * @param code the spec error class
     * @param text human-readable text ({@code ErrorMessage} on the wire), never null
     * @throws IllegalArgumentException on a bad Id
     */
    public ErrorMessage {
        Message.checkId(id);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public ErrorMessage withId(long id) {
        return new ErrorMessage(id, code, text);
    }

    @Override
    public String messageName() {
        return "Error";
    }
}
