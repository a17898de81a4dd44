/**
 * buttplug-test-support: helpers for tests of Buttplug servers, transports and hubs (hand-rolled
 * WebSocket peers, a crashable connector, a self-signed keystore, the npm interop harness). Not
 * for production code.
 */
module io.github.buttplugjava.testsupport {
    requires transitive io.github.buttplugjava.core;
    requires io.github.buttplugjava.transport.ws;
    requires com.fasterxml.jackson.databind;
    requires transitive org.junit.jupiter.api;

    exports io.github.buttplugjava.testsupport;
    exports io.github.buttplugjava.testsupport.interop;
    exports io.github.buttplugjava.testsupport.nats;
    // from src/shared/java, which buttplug-core's tests compile too: core's public API only
    exports io.github.buttplugjava.testsupport.devices;
    exports io.github.buttplugjava.testsupport.time;
}
