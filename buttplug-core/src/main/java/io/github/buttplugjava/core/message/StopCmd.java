package io.github.buttplugjava.core.message;

import java.util.OptionalInt;

/**
 * Stops outputs and/or ends input subscriptions: of every device, of one device, or of one
 * feature of one device. Answered with {@link Ok}.
 *
 * @param id           the request Id
 * @param deviceIndex  the device, or empty for every device
 * @param featureIndex the feature, or empty for every feature (ignored without a device)
 * @param inputs       whether to end input subscriptions (default true)
 * @param outputs      whether to stop outputs (default true)
 */
public record StopCmd(long id, OptionalInt deviceIndex, OptionalInt featureIndex,
                      boolean inputs, boolean outputs) implements ClientMessage {

    /**
     * @param id the request Id
     * @param deviceIndex the device, or empty for every device
     * @param featureIndex the feature, or empty for every feature (ignored without a device)
     * @param inputs whether to end input subscriptions (default true)
     * @param outputs whether to stop outputs (default true)
     * @throws IllegalArgumentException on a bad Id or negative indices
     */
    public StopCmd {
        Message.checkId(id);
        if (deviceIndex.orElse(0) < 0 || featureIndex.orElse(0) < 0) {
            throw new IllegalArgumentException("indices must not be negative");
        }
    }

    /**
     * Stop everything on every device.
     *
     * @param id the request Id
     * @return a command stopping every output and ending every input subscription of every device
     */
    public static StopCmd all(long id) {
        return new StopCmd(id, OptionalInt.empty(), OptionalInt.empty(), true, true);
    }

    /**
     * Stop everything on one device.
     *
     * @param id the request Id
     * @param deviceIndex the device to stop, at least 0
     * @return a command stopping every output and ending every input subscription of that device
     */
    public static StopCmd device(long id, int deviceIndex) {
        return new StopCmd(id, OptionalInt.of(deviceIndex), OptionalInt.empty(), true, true);
    }

    @Override
    public StopCmd withId(long id) {
        return new StopCmd(id, deviceIndex, featureIndex, inputs, outputs);
    }
}
