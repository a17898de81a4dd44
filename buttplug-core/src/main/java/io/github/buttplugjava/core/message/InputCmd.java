package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * Reads, subscribes to or unsubscribes from one input of one feature of a device.
 *
 * @param id           the request Id
 * @param deviceIndex  the device's index (see {@link DeviceInfo#deviceIndex()}), at least 0
 * @param featureIndex the feature's index within the device, at least 0
 * @param type         the input type
 * @param command      read, subscribe or unsubscribe
 */
public record InputCmd(long id, int deviceIndex, int featureIndex, InputType type,
                       InputCommandType command) implements ClientMessage {

    /**
     * @param id the request Id
     * @param deviceIndex the device's index (see {@link DeviceInfo#deviceIndex()}), at least 0
     * @param featureIndex the feature's index within the device, at least 0
     * @param type the input type
     * @param command read, subscribe or unsubscribe
     * @throws IllegalArgumentException on a bad Id or negative indices
     */
    public InputCmd {
        Message.checkId(id);
        if (deviceIndex < 0 || featureIndex < 0) {
            throw new IllegalArgumentException("indices must not be negative");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(command, "command");
    }

    @Override
    public InputCmd withId(long id) {
        return new InputCmd(id, deviceIndex, featureIndex, type, command);
    }
}
