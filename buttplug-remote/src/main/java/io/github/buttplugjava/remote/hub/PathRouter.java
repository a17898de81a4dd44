package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.transport.ws.server.Admission;

import java.util.Optional;

/**
 * Sends each upgraded socket where its path says: {@value RemoteServer#SHARE_PATH} to the agent
 * handshake, {@value RemoteServer#CONTROL_PREFIX}{@code <token>} to the room with that control
 * token, the forwarder path (and {@code <forwarder path>/<share token>}) to the 0.13 forwarder
 * admission, {@code /} to password-first controllers when they are enabled, anything else away.
 * A path may hold a token: it is never logged or echoed.
 */
final class PathRouter {

    private final RoomRegistry rooms;
    private final AgentAdmission agents;
    private final AuthFailureLog authFailures;

    private final ForwarderAdmission forwarders;
    private final PasswordFirstAdmission passwordFirst;
    private final LegacySettings legacy;

    PathRouter(RoomRegistry rooms, AgentAdmission agents, AuthFailureLog authFailures,
               ForwarderAdmission forwarders, PasswordFirstAdmission passwordFirst, LegacySettings legacy) {
        this.rooms = rooms;
        this.agents = agents;
        this.authFailures = authFailures;
        this.forwarders = forwarders;
        this.passwordFirst = passwordFirst;
        this.legacy = legacy;
    }

    Admission route(String path, ButtplugConnector connector) {
        String forwarderPath = legacy.forwarderPath();
        if (forwarderPath != null && path != null) {
            if (path.equals(forwarderPath)) {
                forwarders.acceptWithPassword(connector);
                return Admission.accept();
            }
            if (path.startsWith(forwarderPath + "/")) {
                return forwarders.acceptWithToken(path.substring(forwarderPath.length() + 1), connector)
                        ? Admission.accept() : Admission.refuse("unknown share token");
            }
        }
        if (legacy.passwordFirstControllers() && LegacySettings.PASSWORD_FIRST_PATH.equals(path)) {
            passwordFirst.accept(connector);
            return Admission.accept();
        }
        if (RemoteServer.SHARE_PATH.equals(path)) {
            agents.accept(connector);
            return Admission.accept();
        }
        if (path != null && path.startsWith(RemoteServer.CONTROL_PREFIX)) {
            return acceptController(path.substring(RemoteServer.CONTROL_PREFIX.length()), connector)
                    ? Admission.accept() : Admission.refuse("unknown control token");
        }
        authFailures.refused(AuthFailureLog.addressOf(connector), "unknown path");
        return Admission.refuse("unknown path; agents use " + RemoteServer.SHARE_PATH + ", controllers "
                + RemoteServer.CONTROL_PREFIX + "<token>");
    }

    /** Hands a controller to the room of {@code token}; false, without touching the connector, when none. */
    boolean acceptController(String token, ButtplugConnector connector) {
        Optional<Room> room = rooms.withControlToken(token);
        if (room.isPresent()) {
            room.get().acceptController(token, connector);
            return true;
        }
        authFailures.refused(AuthFailureLog.addressOf(connector), "unknown control token");
        return false;
    }
}
