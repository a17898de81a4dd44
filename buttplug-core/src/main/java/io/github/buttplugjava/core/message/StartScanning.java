package io.github.buttplugjava.core.message;

/**
 * Asks the server to look for devices; answered with {@link Ok}.
 *
 * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
 */
public record StartScanning(long id) implements ClientMessage {

    /**
     * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
     * @throws IllegalArgumentException when the Id is out of range
     */
    public StartScanning {
        Message.checkId(id);
    }

    @Override
    public StartScanning withId(long id) {
        return new StartScanning(id);
    }
}
