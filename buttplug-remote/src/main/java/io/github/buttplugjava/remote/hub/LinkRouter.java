package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.transport.ws.server.Admission;

import java.util.Optional;

/**
 * Routes links ahead of the hub's own paths: the seam through which a hub cluster
 * (buttplug-cluster) takes agent and controller links whose room may run on another node.
 * Set with {@link RemoteServerBuilder#linkRouter}; without one the hub routes every link itself.
 *
 * <p>Called on an I/O thread for every upgraded socket: it must not block. A path may hold a
 * token: never log it.
 */
public interface LinkRouter {

    /**
     * Takes a link, or leaves it to the hub.
     *
     * @param path      the path the socket asked for (may hold a token)
     * @param connector the socket's link, not yet connected
     * @return the admission when this router took or refused the link; empty to leave the link,
     *         untouched, to the hub's own routing
     */
    Optional<Admission> route(String path, ButtplugConnector connector);

    /**
     * Whether {@code token} is a control token this router serves, for the control page (a plain
     * GET of {@code /control/<token>}).
     *
     * @param token a token a browser asked for
     * @return the answer, or empty to leave it to the hub's own rooms
     */
    default Optional<Boolean> knowsControlToken(String token) {
        return Optional.empty();
    }
}
