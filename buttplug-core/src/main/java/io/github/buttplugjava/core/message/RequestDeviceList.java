package io.github.buttplugjava.core.message;

/**
 * Asks for the devices the server knows; answered with a {@link DeviceList}.
 *
 * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
 */
public record RequestDeviceList(long id) implements ClientMessage {

    /**
     * @param id the request Id (1..{@link Message#MAX_ID}); the answer carries the same Id
     * @throws IllegalArgumentException when the Id is out of range
     */
    public RequestDeviceList {
        Message.checkId(id);
    }

    @Override
    public RequestDeviceList withId(long id) {
        return new RequestDeviceList(id);
    }
}
