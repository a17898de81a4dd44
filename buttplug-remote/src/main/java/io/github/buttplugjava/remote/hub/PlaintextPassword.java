package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.HandoverConnector;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The password step of the buttplug-js 0.13 sample app's hub, for the peers that speak it
 * (forwarders, password-first controllers): the first frame, in plain text within the hello
 * timeout, is a room's token; a known one is answered with the text {@code ok} and the link goes
 * on, an unknown one closes the link ("wrong password"). Failures are counted in the hub's
 * {@link AuthFailureLog}, never with the token.
 */
final class PlaintextPassword {

    /** What runs once a peer gave a known token and was answered {@code ok}. */
    interface Admitted {
        /**
         * Takes the admitted link on.
         *
         * @param room    the room the token opens
         * @param token   the token (to hand on, never to log)
         * @param link    the link, past its password
         * @param address the peer's address, for the log
         */
        void admitted(Room room, String token, HandoverConnector link, String address);
    }

    private final AuthFailureLog authFailures;
    private final Duration timeout;
    private final Scheduling scheduling;

    PlaintextPassword(AuthFailureLog authFailures, Duration timeout, Scheduling scheduling) {
        this.authFailures = authFailures;
        this.timeout = timeout;
        this.scheduling = scheduling;
    }

    /**
     * Waits for {@code connector}'s password.
     *
     * @param connector the new link
     * @param who       the kind of peer, for the log ("forwarder", "controller")
     * @param rooms     the room a token opens
     * @param tokenKind the kind of token, for the log ("share", "control")
     * @param then      what follows a known token
     */
    void accept(ButtplugConnector connector, String who, Function<String, Optional<Room>> rooms, String tokenKind,
                Admitted then) {
        String address = AuthFailureLog.addressOf(connector);
        HandoverConnector.open(connector, scheduling.nanoClock()).thenCompose(h ->
                        Deadlines.orTimeout(h.firstFrame(), timeout, scheduling)
                        .thenAccept(frame -> password(h, frame.strip(), address, rooms, tokenKind, then)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        authFailures.refused(address, "no " + who + " password in time");
                        connector.close();
                    }
                });
    }

    private void password(HandoverConnector link, String token, String address, Function<String, Optional<Room>> rooms,
                          String tokenKind, Admitted then) {
        Optional<Room> room = rooms.apply(token);
        if (room.isEmpty()) {
            authFailures.refused(address, "unknown " + tokenKind + " token");
            link.abort("wrong password");
            return;
        }
        link.send("ok").thenRun(() -> then.admitted(room.get(), token, link, address))
                .exceptionally(e -> {
                    link.close();
                    return null;
                });
    }
}
