package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.InputReading;

/**
 * Receives a {@link ButtplugClient}'s events. Every method has a no-op default; override what you
 * need. Calls are serial (one at a time, in order) on the client's executor, never on the
 * connector's I/O thread. A listener that throws is logged and skipped.
 */
public interface ButtplugClientListener {

    /**
     * A device appeared (also for each device listed right after connecting).
     *
     * @param device the new device, ready for commands
     */
    default void deviceAdded(ButtplugClientDevice device) {
    }

    /**
     * A device left (also for each device when the connection drops).
     *
     * @param device the device that left; its commands fail from now on
     */
    default void deviceRemoved(ButtplugClientDevice device) {
    }

    /** The server finished scanning on its own. */
    default void scanningFinished() {
    }

    /**
     * A reading of a subscribed input arrived.
     *
     * @param device the device the reading belongs to
     * @param reading the reading, with Id 0
     */
    default void inputReading(ButtplugClientDevice device, InputReading reading) {
    }

    /**
     * The server sent an error that answers no request (e.g. a ping-out, code ERROR_PING).
     *
     * @param error the server's error, as the subclass for its code
     */
    default void error(ButtplugException error) {
    }

    /**
     * The connection ended; the client may {@code connect} again.
     *
     * @param cause why, or null for an orderly {@link ButtplugClient#disconnect()}
     */
    default void disconnected(Throwable cause) {
    }
}
