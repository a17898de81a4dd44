/**
 * Connector SPI: a {@link io.github.buttplugjava.core.connector.ButtplugConnector} is a pipe of
 * text frames (serialized Buttplug JSON). It does not care who dialed whom: a client runs over a
 * connector and so does a server session. In-process pairs live here; the WebSocket ones in
 * {@code buttplug-transport-ws}.
 */
package io.github.buttplugjava.core.connector;
