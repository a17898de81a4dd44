/**
 * Buttplug over WebSocket (RFC 6455), the serving side, on Netty, with every transport bound of
 * {@code docs/LIMITS.md} (section 1).
 *
 * <ul>
 *   <li>{@link io.github.buttplugjava.transport.ws.server.WebSocketServer}: accepts sockets and hands
 *       each, as an open connector with its request path, to a
 *       {@link io.github.buttplugjava.transport.ws.server.ConnectionHandler}.</li>
 *   <li>{@link io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer}: a Buttplug
 *       server (devices, sessions) behind one WebSocket address.</li>
 * </ul>
 *
 * <p>The dialing side is {@code buttplug-transport-ws} ({@link
 * io.github.buttplugjava.transport.ws.WebSocketConnector}); keepalive settings
 * ({@link io.github.buttplugjava.transport.ws.KeepAlive}) are shared with it. Buttplug frames are
 * UTF-8 text frames holding a JSON array of messages; binary frames are refused (close code 1003),
 * frames over the configured maximum close the socket (1009). Arguments are non-null unless stated
 * otherwise.
 */
package io.github.buttplugjava.transport.ws.server;
