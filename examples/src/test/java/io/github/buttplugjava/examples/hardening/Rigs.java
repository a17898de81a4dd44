package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.server.ButtplugServer;
import io.github.buttplugjava.core.server.DeviceManager;
import io.github.buttplugjava.core.sim.SimulatedDevice;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The servers under attack, with default limits (only host, port, rooms and tokens set). */
final class Rigs {

    static final Duration STEP = Duration.ofSeconds(5);

    private Rigs() {
    }

    /** Simulated toys present at start. */
    static SimulatedDevices sims(String... names) {
        SimulatedDevices.Builder b = SimulatedDevices.builder().presentAtStart(true);
        for (String n : names) {
            b.add(n);
        }
        return b.build();
    }

    /** A hub on 127.0.0.1 with default limits and {@code rooms} rooms of known tokens. */
    static final class Hub implements AutoCloseable {
        final RemoteServer hub;
        final List<Room> rooms = new ArrayList<>();
        private final List<AutoCloseable> closeables = new ArrayList<>();

        Hub() throws Exception {
            this(1);
        }

        Hub(int roomCount) throws Exception {
            hub = RemoteServer.builder().host("127.0.0.1").port(0).build();
            for (int i = 0; i < roomCount; i++) {
                rooms.add(hub.addRoom("room" + i, AccessToken.of(shareToken(i)), AccessToken.of(controlToken(i))));
            }
            hub.start();
        }

        static String shareToken(int room) {
            return "share-token-for-hardening-" + room + "-0123456789";
        }

        static String controlToken(int room) {
            return "control-token-for-hardening-" + room + "-0123456789";
        }

        Room room() {
            return rooms.get(0);
        }

        int port() {
            return hub.port();
        }

        String controlPath(int room) {
            return "/control/" + controlToken(room);
        }

        int openConnections() {
            return ServerProbe.openConnections(hub);
        }

        /** An honest share agent (RemoteClient) of {@code toys} in room {@code room}, linked and listed. */
        RemoteClient share(int room, String alias, SimulatedDevices toys, DeviceGrant grant) throws Exception {
            RemoteClient agent = RemoteClient.builder(hub.shareUri(), shareToken(room), alias, toys)
                    .backoff(Duration.ofMillis(200), Duration.ofMillis(400)).build();
            closeables.add(agent);
            int before = rooms.get(room).devices().devices().size();
            agent.grants().shareAll(grant).get(5, TimeUnit.SECONDS);
            agent.start().get(10, TimeUnit.SECONDS);
            if (!ServerProbe.await(() -> rooms.get(room).devices().devices().size() >= before + toys.devices().size(),
                    Duration.ofSeconds(10))) {
                throw new AssertionError("the agent's toys did not join the room: " + rooms.get(room).devices());
            }
            return agent;
        }

        /**
         * An honest controller's handshake plus one command that reaches the toy; returns its
         * milliseconds. The client is disconnected afterwards.
         */
        long honestRoundTrip(int room, String deviceNamePart, SimulatedDevice toy, double level) throws Exception {
            return Rigs.honestRoundTrip(hub.controlUri(rooms.get(room)), deviceNamePart, toy, level);
        }

        @Override
        public void close() {
            for (AutoCloseable c : closeables) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort
                }
            }
            hub.close();
        }
    }

    /** {@code serve}: a ButtplugWebSocketServer with default limits over simulated toys. */
    static final class Serve implements AutoCloseable {
        final SimulatedDevices toys;
        final DeviceManager devices;
        final ButtplugServer buttplug;
        final ButtplugWebSocketServer server;

        Serve(String... toyNames) throws Exception {
            toys = sims(toyNames);
            devices = DeviceManager.of(toys);
            buttplug = ButtplugServer.builder(devices).build();
            server = ButtplugWebSocketServer.builder(buttplug).host("127.0.0.1").port(0).start();
        }

        int port() {
            return server.port();
        }

        int openConnections() {
            return ServerProbe.openConnections(server);
        }

        SimulatedDevice toy() {
            return toys.devices().get(0);
        }

        long honestRoundTrip(double level) throws Exception {
            return Rigs.honestRoundTrip(server.uri(), "", null, toys.devices(), level);
        }

        @Override
        public void close() {
            server.close();
            devices.close();
        }
    }

    /** Connect, find the device, command it, see it at the toy, disconnect; returns elapsed ms. */
    static long honestRoundTrip(URI uri, String deviceNamePart, SimulatedDevice toy, double level) throws Exception {
        return honestRoundTrip(uri, deviceNamePart, toy, null, level);
    }

    /** As above; with {@code toy} null, the command must reach any of {@code toys}. */
    static long honestRoundTrip(URI uri, String deviceNamePart, SimulatedDevice toy, List<SimulatedDevice> toys,
                                double level) throws Exception {
        long start = System.nanoTime();
        ButtplugClient client = ButtplugClient.builder("honest app").requestTimeout(Duration.ofSeconds(5)).build();
        try {
            client.connect(WebSocketConnector.builder(uri).connectTimeout(STEP).build())
                    .get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            ButtplugClientDevice device = null;
            long deadline = System.nanoTime() + STEP.toNanos();
            while (device == null && System.nanoTime() < deadline) {
                for (ButtplugClientDevice d : client.devices()) {
                    if (device == null && d.name().contains(deviceNamePart)) {
                        device = d;
                    }
                }
                if (device == null) {
                    Thread.sleep(20);
                }
            }
            if (device == null) {
                throw new AssertionError("the honest client sees no device like '" + deviceNamePart + "': " + client.devices());
            }
            device.vibrate(level).get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            if (toy != null) {
                toy.awaitOutput(0, o -> o.value() > 0, STEP);
            } else if (toys != null) {
                java.time.Instant sent = java.time.Instant.now().minusMillis(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                if (!ServerProbe.await(() -> toys.stream().anyMatch(t -> t.commands().stream().anyMatch(r -> !r.at().isBefore(sent)
                        && r.kind() == io.github.buttplugjava.core.sim.RecordedCommand.Kind.OUTPUT && r.output().value() > 0)), STEP)) {
                    throw new AssertionError("the honest command reached no toy");
                }
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        } finally {
            try {
                client.disconnect().get(STEP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // already gone
            }
        }
    }
}
