/**
 * Buttplug over WebSocket (RFC 6455), the dialing side: {@link
 * io.github.buttplugjava.transport.ws.WebSocketConnector} dials {@code ws://} or {@code wss://}
 * (an Intiface Engine, a hub, a buttplug-java server) with the JDK's {@code java.net.http}
 * WebSocket, so a client application needs nothing beyond the JDK and buttplug-core. The server
 * lives in the separate artifact {@code buttplug-transport-ws-server} (package {@code
 * io.github.buttplugjava.transport.ws.server}).
 *
 * <p>Buttplug frames are UTF-8 text messages holding a JSON array of messages; binary messages are
 * refused (close code 1003), messages over the configured maximum close the socket (1009). Arguments
 * are non-null unless stated otherwise.
 */
package io.github.buttplugjava.transport.ws;
