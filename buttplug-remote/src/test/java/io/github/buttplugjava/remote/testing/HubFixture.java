package io.github.buttplugjava.remote.testing;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.net.URI;

/** A real hub on 127.0.0.1 (ephemeral port) with known tokens, plus helpers to add agents and controllers. */
public final class HubFixture implements AutoCloseable {

    public static final String SHARE = "share-token-for-tests-0123456789";
    public static final String CONTROL = "control-token-for-tests-0123456789";

    public final RemoteServer hub;
    public final Room room;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public HubFixture(Duration controllerMaxPingTime) throws Exception {
        this(RemoteServer.builder().controllerMaxPingTime(controllerMaxPingTime));
    }

    public HubFixture(RemoteServerBuilder settings) throws Exception {
        hub = settings.build();
        room = hub.addRoom("test", AccessToken.of(SHARE), AccessToken.of(CONTROL));
        hub.start();
    }

    public HubFixture() throws Exception {
        this(Duration.ofSeconds(2));
    }

    /** A sim source whose toys are there at start. */
    public static SimulatedDevices sims(String... names) {
        return sims(Scheduling.defaults(), names);
    }

    /** A sim source whose toys are there at start, recording commands at {@code scheduling}'s clock. */
    public static SimulatedDevices sims(Scheduling scheduling, String... names) {
        SimulatedDevices.Builder b = SimulatedDevices.builder().presentAtStart(true).scheduling(scheduling);
        for (String n : names) {
            b.add(n);
        }
        return b.build();
    }

    public RemoteClient agent(String alias, DeviceSource local, DeviceGrant grant) throws Exception {
        return agent(alias, local, grant, WebSocketConnector::to);
    }

    public RemoteClient agent(String alias, DeviceSource local, DeviceGrant grant,
                       Function<URI, ButtplugConnector> dialer) throws Exception {
        return agent(alias, local, grant, dialer, Scheduling.defaults());
    }

    /** An agent whose ping watchdog, grant expiry and backoff run on {@code scheduling}. */
    public RemoteClient agent(String alias, DeviceSource local, DeviceGrant grant, Scheduling scheduling) throws Exception {
        return agent(alias, local, grant, WebSocketConnector::to, scheduling);
    }

    private RemoteClient agent(String alias, DeviceSource local, DeviceGrant grant,
                               Function<URI, ButtplugConnector> dialer, Scheduling scheduling) throws Exception {
        RemoteClient agent = RemoteClient.builder(hub.shareUri(), SHARE, alias, local).scheduling(scheduling)
                .dialer(dialer).backoff(Duration.ofMillis(200), Duration.ofMillis(400)).build();
        closeables.add(agent);
        int before = room.devices().devices().size();
        agent.grants().shareAll(grant).get(2, TimeUnit.SECONDS);
        agent.start().get(5, TimeUnit.SECONDS);
        awaitRoomDevices(before + 1);
        return agent;
    }

    /** Waits until the room lists at least {@code count} devices. */
    public void awaitRoomDevices(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (room.devices().devices().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the room did not reach " + count + " devices: " + room.devices());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll-until loop
        }
    }

    /** A controller with a recorder of its device events. */
    public Controller controller(ButtplugConnector connector) throws Exception {
        ButtplugClient client = ButtplugClient.builder("test controller").build();
        Controller c = new Controller(client);
        client.addListener(c);
        client.connect(connector).get(5, TimeUnit.SECONDS);
        closeables.add(() -> client.disconnect());
        return c;
    }

    public Controller controller() throws Exception {
        return controller(WebSocketConnector.to(hub.controlUri(room)));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort: the test is over
            }
        }
        hub.close();
    }

    /** A controller's client and the device events it saw. */
    public static final class Controller implements ButtplugClientListener {
        public final ButtplugClient client;
        public final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        public Controller(ButtplugClient client) {
            this.client = client;
        }

        @Override
        public void deviceAdded(ButtplugClientDevice device) {
            events.add("added " + device.name());
        }

        @Override
        public void deviceRemoved(ButtplugClientDevice device) {
            events.add("removed " + device.name());
        }

        /** Waits for a device with this name to be listed. */
        public ButtplugClientDevice device(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                for (ButtplugClientDevice d : client.devices()) {
                    if (d.name().equals(name)) {
                        return d;
                    }
                }
                events.poll(50, TimeUnit.MILLISECONDS);
            }
            throw new AssertionError("no device named " + name + "; have " + client.devices());
        }

        /** Waits for an event; fails after {@code ms}. */
        public String next(long ms) throws InterruptedException {
            String e = events.poll(ms, TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no controller event within " + ms + " ms");
            }
            return e;
        }
    }
}
