/**
 * Buttplug over WebSocket (RFC 6455): the dialing connector on Tyrus (Grizzly client container), the
 * server on Netty with every transport bound of {@code docs/LIMITS.md} (section 1).
 *
 * <ul>
 *   <li>{@link io.github.buttplugjava.transport.ws.WebSocketConnector}: dials {@code ws://} or
 *       {@code wss://} (an Intiface Engine, a hub, our own server).</li>
 *   <li>{@link io.github.buttplugjava.transport.ws.WebSocketServer}: accepts sockets and hands each,
 *       as an open connector with its request path, to a
 *       {@link io.github.buttplugjava.transport.ws.ConnectionHandler}.</li>
 * </ul>
 *
 * <p>Buttplug frames are UTF-8 text frames holding a JSON array of messages; binary frames are
 * refused (close code 1003), frames over the configured maximum close the socket (1009). Arguments
 * are non-null unless stated otherwise.
 */
package io.github.buttplugjava.transport.ws;
