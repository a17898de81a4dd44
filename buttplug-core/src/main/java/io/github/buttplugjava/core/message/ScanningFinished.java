package io.github.buttplugjava.core.message;

/**
 * Event (Id 0): every device source has stopped scanning on its own.
 *
 * @param id 0, as for every event
 */
public record ScanningFinished(long id) implements ServerMessage {

    /**
     * @param id 0, as for every event
     * @throws IllegalArgumentException when the Id is out of range
     */
    public ScanningFinished {
        Message.checkId(id);
    }

    @Override
    public ScanningFinished withId(long id) {
        return new ScanningFinished(id);
    }
}
