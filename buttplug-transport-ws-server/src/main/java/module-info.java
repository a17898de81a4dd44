/**
 * buttplug-transport-ws-server: the WebSocket server on Netty, with the transport bounds of
 * {@code docs/LIMITS.md}.
 */
module io.github.buttplugjava.transport.ws.server {
    requires transitive io.github.buttplugjava.core;
    requires transitive io.github.buttplugjava.transport.ws;
    requires io.netty.common;
    requires io.netty.buffer;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;

    exports io.github.buttplugjava.transport.ws.server;
}
