package io.github.buttplugjava.device.hid;

import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;

/**
 * Where HID devices are found and opened: hid4java by default; tests and apps with their own HID
 * access give their own (the seam a scripted device plugs into).
 */
public interface HidBus {

    /**
     * The HID devices attached now.
     *
     * @return the devices, possibly none
     * @throws ButtplugDeviceException when the bus cannot be listed
     */
    List<HidDeviceInfo> devices();

    /**
     * Opens a device.
     *
     * @param device a device of {@link #devices()}
     * @return the open device
     * @throws ButtplugDeviceException when it cannot be opened
     */
    HidPort open(HidDeviceInfo device);

    /** Releases the bus (the native library's resources); idempotent. */
    default void close() {
    }
}
