package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.HandoverConnector;

import java.time.Duration;
import java.util.Optional;

/**
 * Controllers in the way of the buttplug-js 0.13 sample app: the first frame is a room's control
 * token in plain text (within the hello timeout), answered with the text {@code ok}; the link is
 * then served as an ordinary controller of that room. A wrong token closes the link, as the sample
 * app's hub does. Only when the hub is built with
 * {@link RemoteServerBuilder#passwordFirstControllers(boolean)}.
 */
final class PasswordFirstAdmission {

    private final RoomRegistry rooms;
    private final AuthFailureLog authFailures;
    private final Duration passwordTimeout;
    private final Scheduling scheduling;

    PasswordFirstAdmission(RoomRegistry rooms, AuthFailureLog authFailures, Duration passwordTimeout, Scheduling scheduling) {
        this.scheduling = scheduling;
        this.rooms = rooms;
        this.authFailures = authFailures;
        this.passwordTimeout = passwordTimeout;
    }

    void accept(ButtplugConnector connector) {
        String address = AuthFailureLog.addressOf(connector);
        HandoverConnector.open(connector, scheduling::nanoTime).thenCompose(h ->
                        Deadlines.orTimeout(h.firstFrame(), passwordTimeout, scheduling)
                        .thenAccept(frame -> password(h, frame.strip(), address)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        authFailures.refused(address, "no controller password in time");
                        connector.close();
                    }
                });
    }

    private void password(HandoverConnector link, String token, String address) {
        Optional<Room> room = rooms.withControlToken(token);
        if (room.isEmpty()) {
            authFailures.refused(address, "unknown control token");
            link.abort("wrong password");
            return;
        }
        link.send("ok").thenRun(() -> room.get().acceptController(token, link))
                .exceptionally(e -> {
                    link.close();
                    return null;
                });
    }
}
