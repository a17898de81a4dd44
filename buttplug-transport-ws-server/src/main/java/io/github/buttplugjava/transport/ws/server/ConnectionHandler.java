package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.core.connector.ButtplugConnector;

/**
 * Decides what happens to each socket a {@link WebSocketServer} accepts.
 *
 * <p>Called once per socket, after the WebSocket upgrade, on a server I/O thread: it must not block.
 * The connector is already open; the handler calls {@link ButtplugConnector#connect} on it (now or
 * soon: up to 64 frames that arrive first are kept) and returns {@link Admission#accept()}, or
 * returns {@link Admission#refuse(String)} without connecting and the server closes the socket with
 * that reason. A handler that throws refuses the socket (code 1011).
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * @param path the decoded request path, e.g. {@code /} or {@code /control/abc} (no query)
     * @param connector the open socket as a connector
     * @return whether the socket is taken
     */
    Admission onConnection(String path, ButtplugConnector connector);

    /**
     * How a socket that asked for {@code path} is named in logs, in place of the path (which may
     * hold a token and is never logged): the route it takes, e.g. {@code /share} or
     * {@code /control/…}. Called once per upgraded socket, before {@link #onConnection}; must not
     * block and must not return secrets.
     *
     * @param path the decoded request path
     * @return a short, secret-free name; the default says only {@code /…}
     */
    default String describe(String path) {
        return "/…";
    }
}
