package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.github.buttplugjava.transport.ws.WebSocketConnector;

import java.net.URI;
import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A hub on 127.0.0.1 with one room, {@code n} share agents (each a {@link RemoteClient} with one
 * simulated Lovense Hush, fully granted, over its own WebSocket) and one controller
 * ({@link ButtplugClient} over a {@link WebSocketConnector} to {@code /control/<token>}).
 *
 * <p>The hub opens its own port ({@link RemoteServer#start()}); its socket cap and WebSocket
 * keepalive are the hub's defaults unless given.
 *
 * <p>The hub's message limits are given by the run: {@link #LOAD_LIMITS} (rate raised out of the way),
 * {@link MessageLimits#DEFAULT} (1,000 messages/s per device present, up to 32 devices), or the
 * default with a per-link rate ({@code rateDevices} 1: the default before issue #17's change);
 * everything else is the default configuration.
 */
final class HubUnderLoad implements AutoCloseable {

    static final String SHARE_TOKEN = "bench-share-token-0123456789abcdef";
    static final String CONTROL_TOKEN = "bench-control-token-0123456789abcdef";
    /** The default limits with a message rate high enough for the controller's link. */
    static final MessageLimits LOAD_LIMITS = MessageLimits.DEFAULT.withRate(1_000_000, 1_000_000);

    private static final long SETUP_SECONDS = 30;

    final RemoteServer hub;
    final Room room;
    private final List<RemoteClient> agents = new ArrayList<>();
    private final List<SimulatedDevices> toys = new ArrayList<>();
    private ButtplugClient controller;
    private List<ButtplugClientDevice> devices = List.of();

    /**
     * @param maxConnections 0 for the hub's default socket cap ({@link RemoteServer#DEFAULT_MAX_CONNECTIONS}),
     *                       else this cap
     * @param keepAliveMs    {@code null} for the hub's default WebSocket keepalive, {@code [0, 0]} for none,
     *                       else {@code [interval ms, timeout ms]}
     */
    HubUnderLoad(int maxConnections, long[] keepAliveMs) throws Exception {
        this(maxConnections, keepAliveMs, LOAD_LIMITS);
    }

    /**
     * @param maxConnections as above
     * @param keepAliveMs    as above
     * @param limits         the hub's message limits (controller sessions and agents)
     */
    HubUnderLoad(int maxConnections, long[] keepAliveMs, MessageLimits limits) throws Exception {
        RemoteServerBuilder builder = RemoteServer.builder().messageLimits(limits);
        if (maxConnections > 0) {
            builder.maxConnections(maxConnections);
        }
        if (keepAliveMs != null) {
            if (keepAliveMs[0] <= 0) {
                builder.noKeepAlive();
            } else {
                builder.keepAlive(Duration.ofMillis(keepAliveMs[0]), Duration.ofMillis(keepAliveMs[1]));
            }
        }
        hub = builder.build();
        room = hub.addRoom("bench", AccessToken.of(SHARE_TOKEN), AccessToken.of(CONTROL_TOKEN));
        hub.start();
    }

    /** Where agents dial. */
    URI shareUri() {
        return hub.shareUri();
    }

    /** Where the controller dials (holds the control token). */
    URI controlUri() {
        return hub.controlUri(room);
    }

    /** Links {@code n} agents, each with one simulated toy, and waits until the room lists them. */
    void addAgents(int n) throws Exception {
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SimulatedDevices local = SimulatedDevices.builder().presentAtStart(true).add("lovense").build();
            RemoteClient agent = RemoteClient.builder(shareUri(), SHARE_TOKEN, "agent" + agents.size(), local)
                    .build();
            agents.add(agent);
            toys.add(local);
            agent.grants().shareAll(DeviceGrant.full()).get(SETUP_SECONDS, TimeUnit.SECONDS);
            started.add(agent.start());
        }
        CompletableFuture.allOf(started.toArray(new CompletableFuture<?>[0])).get(SETUP_SECONDS, TimeUnit.SECONDS);
        awaitRoomDevices(agents.size());
    }

    /** Connects the controller and waits until it lists every agent's toy. */
    void connectController() throws Exception {
        controller = ButtplugClient.builder("bench controller").build();
        controller.connect(WebSocketConnector.to(controlUri())).get(SETUP_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETUP_SECONDS);
        while (controller.devices().size() < agents.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the controller lists " + controller.devices().size()
                        + " devices, expected " + agents.size());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // bounded poll-until loop
        }
        devices = List.copyOf(controller.devices());
    }

    /** The controller's devices, one per agent. */
    List<ButtplugClientDevice> devices() {
        return devices;
    }

    /** A vibrate command for device {@code i}'s {@code k}-th command: alternates so no value repeats. */
    static OutputCommand command(long k) {
        return OutputCommand.of(OutputType.VIBRATE, (k & 1) == 0 ? 5 : 10);
    }

    /** Commands the simulated toys have received in total (each keeps up to its recording limit). */
    long commandsAtToys() {
        long sum = 0;
        for (SimulatedDevices s : toys) {
            sum += s.devices().get(0).commands().size();
        }
        return sum;
    }

    /** Forgets what the toys recorded, so the recording limit is not reached in a long run. */
    void clearToys() {
        toys.forEach(s -> s.devices().get(0).clearRecording());
    }

    private void awaitRoomDevices(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETUP_SECONDS);
        while (room.devices().devices().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the room lists " + room.devices().devices().size()
                        + " devices, expected " + count);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // bounded poll-until loop
        }
    }

    @Override
    public void close() throws Exception {
        if (controller != null) {
            controller.disconnect().get(SETUP_SECONDS, TimeUnit.SECONDS);
        }
        agents.forEach(RemoteClient::close);
        hub.close();
    }
}
