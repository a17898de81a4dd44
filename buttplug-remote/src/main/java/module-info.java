/**
 * buttplug-remote: remote sharing of toys through a hub: the hub ({@code remote.hub}), the share
 * agent ({@code remote.agent}) and the link protocol between them ({@code remote.link}).
 */
@SuppressWarnings("requires-automatic") // Micrometer's jars name their modules in the manifest only
module io.github.buttplugjava.remote {
    requires transitive io.github.buttplugjava.core;
    requires transitive io.github.buttplugjava.transport.ws;
    requires transitive io.github.buttplugjava.transport.ws.server;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // the hub's /metrics only (RemoteServerBuilder.metrics): an optional dependency
    requires static micrometer.core;
    requires static micrometer.registry.prometheus;

    exports io.github.buttplugjava.remote.agent;
    exports io.github.buttplugjava.remote.hub;
    exports io.github.buttplugjava.remote.link;
}
