package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.agent.RemoteClient;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.Room;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A hub room on 127.0.0.1 with simulated toys shared into it by one agent (alias "stream", every
 * vibrator granted in full), for trying the bot without hardware and for its tests. The bot joins
 * it as an in-process controller with its own {@link ControllerCeiling}.
 */
public final class SimulatedRoom implements AutoCloseable {

    /** The name of the bot's controller in the room: {@value}. */
    public static final String CONTROLLER = "chatplays";

    private static final long WAIT_S = 10;

    private final RemoteServer hub;
    private final Room room;
    private final SimulatedDevices toys;
    private final RemoteClient agent;

    private SimulatedRoom(RemoteServer hub, Room room, SimulatedDevices toys, RemoteClient agent) {
        this.hub = hub;
        this.room = room;
        this.toys = toys;
        this.agent = agent;
    }

    /**
     * Starts the hub, shares the toys and waits until the room lists them.
     *
     * @param toyNames simulated toys' short names, e.g. {@code lovense}, {@code edge}
     * @return the room, ready
     * @throws IOException when the hub cannot listen or the toys do not arrive in time
     */
    public static SimulatedRoom start(List<String> toyNames) throws IOException {
        SimulatedDevices.Builder devices = SimulatedDevices.builder().presentAtStart(true);
        toyNames.forEach(devices::add);
        SimulatedDevices toys = devices.build();
        RemoteServer hub = RemoteServer.builder().build();
        Room room = hub.addRoom("chatplays");
        RemoteClient agent = null;
        try {
            hub.start();
            agent = RemoteClient.builder(hub.shareUri(), room.shareToken().reveal(), "stream", toys).build();
            agent.grants().shareAll(DeviceGrant.none().withOutput(OutputType.VIBRATE, OutputGrant.FULL)).get(WAIT_S, TimeUnit.SECONDS);
            agent.start().get(WAIT_S, TimeUnit.SECONDS);
            awaitDevices(room, toys.devices().size());
            return new SimulatedRoom(hub, room, toys, agent);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            if (agent != null) {
                agent.close();
            }
            hub.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("the simulated toys did not join the room: " + e, e);
        }
    }

    /**
     * Adds the bot's controller with a ceiling of {@code maxLevel} on vibrators only, and connects it in-process.
     *
     * @param maxLevel the ceiling's highest level, in (0, 1]
     * @return the connected controller client
     */
    public CompletableFuture<ButtplugClient> connectBot(double maxLevel) {
        ControllerCeiling ceiling = ControllerCeiling.NONE.withOutputs(EnumSet.of(OutputType.VIBRATE)).withMaxLevel(maxLevel);
        return room.addController(CONTROLLER, ceiling).connect("buttplug-java chatplays");
    }

    /**
     * The simulated toys, to watch what reaches them.
     *
     * @return the toys
     */
    public SimulatedDevices toys() {
        return toys;
    }

    /**
     * The hub's room.
     *
     * @return the room
     */
    public Room room() {
        return room;
    }

    /**
     * The hub.
     *
     * @return the hub
     */
    public RemoteServer hub() {
        return hub;
    }

    /** Stops the agent (its toys stop) and the hub. */
    @Override
    public void close() {
        agent.close();
        hub.close();
    }

    private static void awaitDevices(Room room, int count) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_S).toNanos();
        while (room.devices().devices().size() < count) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("the room lists " + room.devices().devices().size() + " of " + count + " toys");
            }
            new java.util.concurrent.LinkedBlockingQueue<>().poll(20, TimeUnit.MILLISECONDS);
        }
    }
}
