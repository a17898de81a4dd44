package io.github.buttplugjava.core.device;

/** Receives a {@link DeviceSource}'s events. Methods must not block. */
public interface DeviceSourceListener {

    /**
     * A device is ready for commands.
     *
     * @param device the new device
     */
    void deviceAdded(Device device);

    /**
     * A device is gone (disconnected, unshared); its futures fail from now on.
     *
     * @param device the device that was reported added before
     */
    void deviceRemoved(Device device);

    /** The source has stopped scanning on its own (not after {@code stopScanning}). */
    default void scanningFinished() {
    }
}
