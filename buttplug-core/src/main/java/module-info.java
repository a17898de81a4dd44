/**
 * buttplug-core: the Buttplug protocol (messages, codec), the client, the server with its device
 * layer, connectors and simulated devices. {@code *.internal} packages are exported only to the
 * sibling modules that share them.
 */
@SuppressWarnings("module") // the qualified exports name modules built after this one
module io.github.buttplugjava.core {
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports io.github.buttplugjava.core;
    exports io.github.buttplugjava.core.client;
    exports io.github.buttplugjava.core.codec;
    exports io.github.buttplugjava.core.connector;
    exports io.github.buttplugjava.core.device;
    exports io.github.buttplugjava.core.message;
    exports io.github.buttplugjava.core.server;
    exports io.github.buttplugjava.core.sim;

    exports io.github.buttplugjava.core.internal to
            io.github.buttplugjava.btle,
            io.github.buttplugjava.device.serial,
            io.github.buttplugjava.device.hid,
            io.github.buttplugjava.transport.ws,
            io.github.buttplugjava.remote;
}
