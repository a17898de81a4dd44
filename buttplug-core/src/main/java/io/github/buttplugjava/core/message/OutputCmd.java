package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * Sets one output of one feature of a device; answered with {@link Ok} or an error.
 *
 * @param id           the request Id
 * @param deviceIndex  the device's index (see {@link DeviceInfo#deviceIndex()}), at least 0
 * @param featureIndex the feature's index within the device, at least 0
 * @param command      what to set
 */
public record OutputCmd(long id, int deviceIndex, int featureIndex, OutputCommand command)
        implements ClientMessage {

    /**
     * @param id the request Id
     * @param deviceIndex the device's index (see {@link DeviceInfo#deviceIndex()}), at least 0
     * @param featureIndex the feature's index within the device, at least 0
     * @param command what to set
     * @throws IllegalArgumentException on a bad Id or negative indices
     */
    public OutputCmd {
        Message.checkId(id);
        if (deviceIndex < 0 || featureIndex < 0) {
            throw new IllegalArgumentException("indices must not be negative");
        }
        Objects.requireNonNull(command, "command");
    }

    @Override
    public OutputCmd withId(long id) {
        return new OutputCmd(id, deviceIndex, featureIndex, command);
    }
}
