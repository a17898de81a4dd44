/**
 * buttplug-transport-ws: the dialing WebSocket connector on the JDK's {@code java.net.http}
 * client. Needs nothing beyond the JDK, buttplug-core and SLF4J.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module io.github.buttplugjava.transport.ws {
    requires transitive io.github.buttplugjava.core;
    requires transitive java.net.http;
    requires org.slf4j;

    exports io.github.buttplugjava.transport.ws;

    exports io.github.buttplugjava.transport.ws.internal to
            io.github.buttplugjava.transport.ws.server,
            io.github.buttplugjava.testsupport;
}
