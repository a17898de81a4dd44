package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.message.DeviceInfo;

/**
 * Receives a {@link DeviceManager}'s events. Methods are called serially (one at a time, in
 * order) on the thread of the source that caused them; they must not block and should hand work
 * off to their own executor.
 */
public interface DeviceManagerListener {

    /**
     * A device joined, with its index.
     *
     * @param device the device's description, with its index
     */
    default void deviceAdded(DeviceInfo device) {
    }

    /**
     * A device left; its index is not given to any other device.
     *
     * @param device the description the device had, with its index
     */
    default void deviceRemoved(DeviceInfo device) {
    }

    /** Every source asked to scan has stopped scanning on its own (not after {@code stopScanning}). */
    default void scanningFinished() {
    }
}
