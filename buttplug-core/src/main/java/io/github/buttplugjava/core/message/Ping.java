package io.github.buttplugjava.core.message;

/**
 * Checks the server is alive; the server answers {@link Ok}. Required every {@code MaxPingTime} ms when that is not 0.
 *
 * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
 */
public record Ping(long id) implements ClientMessage {

    /**
     * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
     * @throws IllegalArgumentException when the Id is out of range
     */
    public Ping {
        Message.checkId(id);
    }

    @Override
    public Ping withId(long id) {
        return new Ping(id);
    }
}
