package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;

import java.time.Duration;

/**
 * Controllers in the way of the buttplug-js 0.13 sample app: the first frame is a room's control
 * token in plain text (within the hello timeout), answered with the text {@code ok}; the link is
 * then served as an ordinary controller of that room. A wrong token closes the link, as the sample
 * app's hub does. Only when the hub is built with
 * {@link RemoteServerBuilder#passwordFirstControllers(boolean)}.
 */
final class PasswordFirstAdmission {

    private final RoomRegistry rooms;
    private final PlaintextPassword password;

    PasswordFirstAdmission(RoomRegistry rooms, AuthFailureLog authFailures, Duration passwordTimeout, Scheduling scheduling) {
        this.rooms = rooms;
        this.password = new PlaintextPassword(authFailures, passwordTimeout, scheduling);
    }

    void accept(ButtplugConnector connector) {
        password.accept(connector, "controller", rooms::withControlToken, "control",
                (room, token, link, address) -> room.acceptController(token, link));
    }
}
