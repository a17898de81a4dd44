package io.github.buttplugjava.btle;

import io.github.buttplugjava.core.ButtplugDeviceException;

/** A BLE operation failed: no adapter, permission denied, device gone, GATT error, timeout. */
public class BleException extends ButtplugDeviceException {

    /**
     * An exception with a message.
     *
     * @param message what failed, fit for the peer and a log (no addresses)
     */
    public BleException(String message) {
        super(message);
    }

    /**
     * An exception with a message and a cause.
     *
     * @param message what failed, fit for the peer and a log (no addresses)
     * @param cause the backend's exception, or null
     */
    public BleException(String message, Throwable cause) {
        super(message, cause);
    }
}
