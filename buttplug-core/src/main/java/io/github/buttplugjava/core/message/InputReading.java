package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * A value read from an input: the reply to a Read (request Id) or subscription data (Id 0).
 *
 * @param id           request Id, or 0 for subscription data
 * @param deviceIndex  the device's index (see {@link DeviceInfo#deviceIndex()}), at least 0
 * @param featureIndex the feature's index within the device, at least 0
 * @param type         the input type
 * @param value        the reading (battery percent, RSSI dBm, button 0/1, pressure)
 */
public record InputReading(long id, int deviceIndex, int featureIndex, InputType type, int value)
        implements ServerMessage {

    /**
     * @param id request Id, or 0 for subscription data
     * @param deviceIndex the device's index (see {@link DeviceInfo#deviceIndex()}), at least 0
     * @param featureIndex the feature's index within the device, at least 0
     * @param type the input type
     * @param value the reading (battery percent, RSSI dBm, button 0/1, pressure)
     * @throws IllegalArgumentException on a bad Id or negative indices
     */
    public InputReading {
        Message.checkId(id);
        if (deviceIndex < 0 || featureIndex < 0) {
            throw new IllegalArgumentException("indices must not be negative");
        }
        Objects.requireNonNull(type, "type");
    }

    @Override
    public InputReading withId(long id) {
        return new InputReading(id, deviceIndex, featureIndex, type, value);
    }
}
