/** A client-only app of buttplug-java, as a user would write it: it needs the WebSocket client only. */
module consumer.client {
    requires io.github.buttplugjava.transport.ws;
}
