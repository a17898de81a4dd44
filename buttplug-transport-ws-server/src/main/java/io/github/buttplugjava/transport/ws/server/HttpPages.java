package io.github.buttplugjava.transport.ws.server;

import java.net.InetSocketAddress;

/**
 * Answers plain HTTP {@code GET} requests (no WebSocket upgrade) on a {@link WebSocketServer}'s
 * port, e.g. a web page at the same URL as a WebSocket. Optional: without one, a request that is
 * not an upgrade gets HTTP 400.
 *
 * <p>A plain request is held to the same bounds as an upgrade: it counts against the connection
 * caps as a pending connection, must arrive within the upgrade timeout, and its request line and
 * headers are capped. One request per connection: the server closes it after the answer. Called on
 * a server I/O thread: it must not block. The path may hold a secret and is never logged by the
 * server; the implementation must not log it either.
 */
@FunctionalInterface
public interface HttpPages {

    /**
     * The answer to {@code GET path}.
     *
     * @param path   the decoded request path, e.g. {@code /control/abc} (no query)
     * @param host   the request's {@code Host} header, or an empty string; peer text, unchecked
     * @param remote the peer's address
     * @return the answer; an implementation answers paths it does not serve with 404
     */
    HttpPage get(String path, String host, InetSocketAddress remote);
}
