package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where what the server sends unasked goes: a device list (over the caps, the link is aborted with
 * the reason) to the roster, readings to their device and the listeners, scanning-finished and
 * Errors to the listeners (a ping-out Error also closes the link). Used on the client's serial
 * executor.
 */
final class EventRouter {

    private static final Logger log = LoggerFactory.getLogger(ButtplugClient.class);

    private final DeviceRoster roster;
    private final ListenerFanOut listeners;

    EventRouter(DeviceRoster roster, ListenerFanOut listeners) {
        this.roster = roster;
        this.listeners = listeners;
    }

    /** Routes one message of {@code conn} that answers no request. */
    void route(ClientConnection conn, ServerMessage message) {
        if (message instanceof DeviceList list) {
            if (withinCaps(conn, list)) {
                roster.apply(list);
            }
        } else if (message instanceof ScanningFinished) {
            listeners.scanningFinished();
        } else if (message instanceof InputReading reading) {
            roster.get(reading.deviceIndex()).ifPresent(device -> {
                device.deliver(reading);
                listeners.inputReading(device, reading);
            });
        } else if (message instanceof ErrorMessage error) {
            ButtplugException exception = ButtplugException.fromErrorMessage(error);
            listeners.error(exception);
            if (error.code() == ErrorCode.PING) {
                conn.close(exception);
            }
        } else if (!(message instanceof Ok)) {
            log.debug("unexpected message from the server: {}", message);
        }
    }

    /** Whether the list is within the roster's caps; if not, {@code conn} is aborted with the reason. */
    boolean withinCaps(ClientConnection conn, DeviceList list) {
        return roster.overCaps(list).map(violation -> {
            log.warn("{}: closing the connection", violation);
            conn.abort(new ButtplugMessageException(violation));
            return false;
        }).orElse(true);
    }
}
