package io.github.buttplugjava.core.message;

/** Asks the server to look for devices; answered with {@link Ok}. */
public record StartScanning(long id) implements ClientMessage {

    /** @throws IllegalArgumentException when the Id is out of range */
    public StartScanning {
        Message.checkId(id);
    }

    @Override
    public StartScanning withId(long id) {
        return new StartScanning(id);
    }
}
