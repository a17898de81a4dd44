package io.github.buttplugjava.core.message;

/**
 * Success reply to a request; carries the request's Id.
 *
 * @param id the Id of the request this answers
 */
public record Ok(long id) implements ServerMessage {

    /**
     * @param id the Id of the request this answers
     * @throws IllegalArgumentException when the Id is out of range
     */
    public Ok {
        Message.checkId(id);
    }

    @Override
    public Ok withId(long id) {
        return new Ok(id);
    }
}
