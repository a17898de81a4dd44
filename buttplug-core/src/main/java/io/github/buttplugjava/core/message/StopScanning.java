package io.github.buttplugjava.core.message;

/**
 * Asks the server to stop looking for devices; answered with {@link Ok}.
 *
 * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
 */
public record StopScanning(long id) implements ClientMessage {

    /**
     * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
     * @throws IllegalArgumentException when the Id is out of range
     */
    public StopScanning {
        Message.checkId(id);
    }

    @Override
    public StopScanning withId(long id) {
        return new StopScanning(id);
    }
}
