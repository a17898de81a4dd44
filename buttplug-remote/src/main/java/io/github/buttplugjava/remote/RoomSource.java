package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The devices of every agent in a room, as one {@link DeviceSource} for the room's device
 * manager (which takes its sources once, at construction, while agents come and go). Each agent's
 * devices are {@linkplain AliasedDevice renamed} with its alias.
 */
final class RoomSource implements DeviceSource {

    private final String name;
    private final Map<String, Agent> agents = new HashMap<>();
    private DeviceSourceListener listener;

    private static final class Agent {
        final String alias;
        final DeviceSource source;
        final Map<Device, AliasedDevice> devices = new IdentityHashMap<>();

        Agent(String alias, DeviceSource source) {
            this.alias = alias;
            this.source = source;
        }
    }

    RoomSource(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return "room(" + name + ")";
    }

    @Override
    public synchronized void start(DeviceSourceListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = listener;
    }

    /** Adds an agent's devices under {@code linkId} (unique per link) and {@code alias}. */
    void attach(String linkId, String alias, DeviceSource source) {
        Agent agent = new Agent(alias, source);
        synchronized (this) {
            agents.put(linkId, agent);
        }
        source.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                synchronized (RoomSource.this) {
                    if (agents.get(linkId) != agent || listener == null) {
                        return;
                    }
                    AliasedDevice d = new AliasedDevice(device, linkId, agent.alias);
                    agent.devices.put(device, d);
                    listener.deviceAdded(d);
                }
            }

            @Override
            public void deviceRemoved(Device device) {
                synchronized (RoomSource.this) {
                    AliasedDevice d = agent.devices.remove(device);
                    if (d != null && listener != null) {
                        listener.deviceRemoved(d);
                    }
                }
            }
        });
    }

    /** Removes an agent: its devices leave now and its source is closed. */
    void detach(String linkId) {
        Agent agent;
        synchronized (this) {
            agent = agents.remove(linkId);
            if (agent == null) {
                return;
            }
            for (AliasedDevice d : List.copyOf(agent.devices.values())) {
                listener.deviceRemoved(d);
            }
            agent.devices.clear();
        }
        agent.source.close();
    }

    /** The aliases of the agents now in the room. */
    synchronized List<String> aliases() {
        return agents.values().stream().map(a -> a.alias).toList();
    }

    /** Agents' devices are there when they are shared: a scan has nothing to find and ends at once. */
    @Override
    public CompletableFuture<Void> startScanning() {
        CompletableFuture.runAsync(() -> {
            synchronized (this) {
                if (listener != null) {
                    listener.scanningFinished();
                }
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(agents.keySet());
        }
        ids.forEach(this::detach);
    }
}
