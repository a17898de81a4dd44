package io.github.buttplugjava.btle.tinyb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tinyb.BluetoothDevice;
import tinyb.BluetoothObject;

import java.util.List;

/**
 * Deletes TinyB's native wrappers at points we choose, on the TinyB thread.
 *
 * <p>Each time TinyB lists objects ({@code getDevices()}, {@code getAdapters()},
 * {@code getServices()}, ...) it makes a new native wrapper for every one of them, which hooks itself
 * to the D-Bus proxy's property-change signal. A wrapper nobody closes is deleted by the JVM's
 * finalizer, on the finalizer's thread, at any time, while TinyB's GLib thread may be running its
 * signal handler on it. Closing the ones a caller does not keep right after use bounds how many are
 * alive and keeps every deletion on the TinyB thread, next to the call that made it. A wrapper that
 * is still in use elsewhere must never be passed here: its next call would read freed memory.
 */
final class NativeWrappers {
    private static final Logger log = LoggerFactory.getLogger(NativeWrappers.class);

    private NativeWrappers() {
    }

    /**
     * Closes every wrapper in {@code listed} but {@code keep} (which may be null or absent).
     *
     * @param listed wrappers from one TinyB listing, used by nobody else
     * @param keep the one the caller goes on using, or null
     */
    static void closeAllBut(List<? extends BluetoothObject> listed, BluetoothObject keep) {
        for (BluetoothObject o : listed) {
            if (o != keep) {
                close(o);
            }
        }
    }

    /**
     * The wrapper in {@code listed} with the Bluetooth address {@code address} (the first, any
     * case), or null; every other wrapper of the listing is closed.
     *
     * @param listed wrappers from one TinyB device listing, used by nobody else
     * @param address the peripheral's address
     * @return the one kept, now the caller's to close, or null when the listing has none
     */
    static BluetoothDevice keepDevice(List<BluetoothDevice> listed, String address) {
        BluetoothDevice found = null;
        try {
            for (BluetoothDevice d : listed) {
                if (address.equalsIgnoreCase(d.getAddress())) {
                    found = d;
                    break;
                }
            }
        } finally {
            closeAllBut(listed, found);
        }
        return found;
    }

    /**
     * Closes one wrapper; a failure is logged, not thrown (the wrapper is unusable either way).
     *
     * @param wrapper a wrapper used by nobody else from now on; null is ignored
     */
    static void close(BluetoothObject wrapper) {
        if (wrapper == null) {
            return;
        }
        try {
            wrapper.close();
        } catch (RuntimeException e) {
            log.debug("closing a TinyB wrapper failed", e);
        }
    }
}
