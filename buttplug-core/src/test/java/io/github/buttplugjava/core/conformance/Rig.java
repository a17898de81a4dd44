package io.github.buttplugjava.core.conformance;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.server.ServerSession;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A server with simulated toys, and ways to attach clients to it over in-process connectors. */
final class Rig implements AutoCloseable {

    final SimulatedDevices sim;
    final DeviceManager manager;
    final ButtplugServer server;

    Rig(Duration maxPing, String... toys) {
        this(maxPing, SimulatedDevices.of(toys));
    }

    Rig(Duration maxPing, SimulatedDevices sim) {
        this.sim = sim;
        this.manager = new DeviceManager(List.of(sim));
        this.server = ButtplugServer.builder(manager).name("Conformance Server").maxPingTime(maxPing).build();
    }

    Rig(String... toys) {
        this(Duration.ZERO, toys);
    }

    SimulatedDevice toy(String name) {
        return sim.device(name);
    }

    /** A raw-frame client with its own session. */
    RawClient raw() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        server.serve(pair.server());
        return new RawClient(pair.client());
    }

    /** A session and the connector end a client should use. */
    InProcessConnector attach() {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        server.serve(pair.server());
        return pair.client();
    }

    /** A connected ButtplugClient speaking {@code version}. */
    ButtplugClient client(SpecVersion version) throws Exception {
        ButtplugClient client = ButtplugClient.builder("conformance " + version)
                .specVersion(version).requestTimeout(Duration.ofSeconds(5)).build();
        client.connect(attach()).get(5, TimeUnit.SECONDS);
        return client;
    }

    List<ServerSession> sessions() {
        return server.sessions();
    }

    @Override
    public void close() {
        server.close();
        manager.close();
    }
}
