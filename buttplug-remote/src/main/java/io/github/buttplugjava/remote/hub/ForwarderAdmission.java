package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.HandoverConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Admits buttplug-js 0.13 forwarders (which have no handshake): by a first plaintext frame equal
 * to a room's share token, answered with the text {@code ok} as the 0.13 sample app's hub does
 * (within the hello timeout, else closed), or by the share token as the last path segment. Then
 * the forwarder's first message must be a {@code DeviceAdded} (within {@link #FIRST_DEVICE_TIMEOUT}):
 * its device name gives the forwarder's {@linkplain ForwarderAlias alias}, which is reserved in
 * the room like an agent's (no look-alike of a live alias); the room then takes the link.
 * Failures are counted in the hub's {@link AuthFailureLog}, never with the token.
 */
final class ForwarderAdmission {

    /** How long an admitted forwarder may wait before it shares its first device. */
    static final Duration FIRST_DEVICE_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(RemoteServer.class);

    private final RoomRegistry rooms;
    private final AuthFailureLog authFailures;
    private final PlaintextPassword password;
    private final Scheduling scheduling;

    ForwarderAdmission(RoomRegistry rooms, AuthFailureLog authFailures, Duration passwordTimeout, Scheduling scheduling) {
        this.scheduling = scheduling;
        this.rooms = rooms;
        this.authFailures = authFailures;
        this.password = new PlaintextPassword(authFailures, passwordTimeout, scheduling);
    }

    /** A forwarder whose first frame must be a share token in plain text. */
    void acceptWithPassword(ButtplugConnector connector) {
        password.accept(connector, "forwarder", rooms::withShareToken, "share",
                (room, token, link, address) -> awaitFirstDevice(room, link, address));
    }

    /**
     * A forwarder that presented {@code token} in its path.
     *
     * @return false, without touching the connector, when no room has that share token
     */
    boolean acceptWithToken(String token, ButtplugConnector connector) {
        Optional<Room> room = rooms.withShareToken(token);
        String address = AuthFailureLog.addressOf(connector);
        if (room.isEmpty()) {
            authFailures.refused(address, "unknown share token");
            return false;
        }
        awaitFirstDevice(room.get(), connector, address);
        return true;
    }

    private void awaitFirstDevice(Room room, ButtplugConnector authenticated, String address) {
        HandoverConnector.open(authenticated, scheduling.nanoClock()).thenCompose(h ->
                        Deadlines.orTimeout(h.firstFrame(), FIRST_DEVICE_TIMEOUT, scheduling)
                        .thenAccept(frame -> join(room, h, frame, address)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        authenticated.close();
                    }
                });
    }

    private void join(Room room, HandoverConnector link, String frame, String address) {
        Optional<String> alias = ForwarderAlias.of(frame);
        if (alias.isEmpty()) {
            log.info("room {}: closed a 0.13 forwarder from {}: its first message was not DeviceAdded", room.name(),
                    address);
            link.abort("a buttplug-js 0.13 forwarder's first message must be DeviceAdded");
            return;
        }
        Optional<String> linkId = room.reserveAgent(alias.get());
        if (linkId.isEmpty()) {
            String reason = room.refusal(alias.get());
            log.info("room {}: denied 0.13 forwarder {} from {}: {}", room.name(), alias.get(), address, reason);
            link.abort(reason);
            return;
        }
        log.info("0.13 forwarder {} joins room {}", alias.get(), room.name());
        room.attachForwarder(linkId.get(), alias.get(), link, frame);
    }
}
