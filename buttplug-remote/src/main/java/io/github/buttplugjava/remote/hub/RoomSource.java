package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The devices of every agent in a room, as one {@link DeviceSource} for the room's device
 * manager (which takes its sources once, at construction, while agents come and go). Each agent's
 * devices are {@linkplain AliasedDevice renamed} with its alias.
 *
 * <p>Aliases are unique by {@linkplain AliasSkeleton look}: an agent is only
 * {@linkplain #reserve reserved} a place when no live agent's alias looks like its own. Each agent
 * is held to {@link AgentCaps}: over a cap its link is aborted with the reason and its devices
 * leave. Nothing is kept of devices that left, and each device event costs constant time.
 */
final class RoomSource implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(RoomSource.class);

    private final String name;
    private final AgentCaps caps;
    private final LongSupplier nanos;
    /** Where the end of a scan is reported, off the caller's thread. */
    private final Executor events;
    private final String separator;
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, String> skeletons = new HashMap<>();
    private DeviceSourceListener listener;

    private final HubMeter meter;

    private static final class Agent {
        final String alias;
        final String skeleton;
        final ChurnBudget churn;
        final Map<Device, AliasedDevice> devices = new IdentityHashMap<>();
        DeviceSource source;
        Consumer<String> abort;
        boolean tripped;

        Agent(String alias, String skeleton, ChurnBudget churn) {
            this.alias = alias;
            this.skeleton = skeleton;
            this.churn = churn;
        }
    }

    RoomSource(String name, AgentCaps caps, LongSupplier nanos, String separator, Executor events) {
        this(name, caps, nanos, separator, events, HubMeter.NONE);
    }

    RoomSource(String name, AgentCaps caps, LongSupplier nanos, String separator, Executor events, HubMeter meter) {
        this.meter = meter;
        this.name = name;
        this.caps = caps;
        this.nanos = nanos;
        this.separator = separator;
        this.events = events;
    }

    RoomSource(String name, AgentCaps caps, LongSupplier nanos) {
        this(name, caps, nanos, AliasedDevice.DEFAULT_SEPARATOR, Scheduling.defaults().executor());
    }

    RoomSource(String name) {
        this(name, AgentCaps.DEFAULT, System::nanoTime);
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

    /**
     * Reserves {@code alias} for a new agent link {@code linkId}.
     *
     * @return false when a live agent's alias looks like this one (see {@link AliasSkeleton})
     */
    synchronized boolean reserve(String linkId, String alias) {
        String skeleton = AliasSkeleton.of(alias);
        if (skeletons.containsKey(skeleton)) {
            return false;
        }
        skeletons.put(skeleton, linkId);
        agents.put(linkId, new Agent(alias, skeleton, new ChurnBudget(caps.churnPerMinute(), caps.churnBurst(), nanos)));
        return true;
    }

    /**
     * Adds the devices of the agent reserved under {@code linkId}. {@code abort} closes its link
     * with a reason; it is called (once) when the agent goes over a cap.
     */
    void attach(String linkId, DeviceSource source, Consumer<String> abort) {
        Agent agent;
        synchronized (this) {
            agent = agents.get(linkId);
            if (agent == null) {
                source.close();
                return;
            }
            agent.source = source;
            agent.abort = abort;
        }
        source.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                added(linkId, agent, device);
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

    /** The agent's first device list is in: from now on added devices count as churn. */
    synchronized void firstListDone(String linkId) {
        Agent agent = agents.get(linkId);
        if (agent != null) {
            agent.churn.firstListDone();
        }
    }

    private void added(String linkId, Agent agent, Device device) {
        String violation;
        synchronized (this) {
            if (agents.get(linkId) != agent || listener == null || agent.tripped) {
                return;
            }
            violation = violation(agent, device);
            if (violation == null) {
                AliasedDevice d = new AliasedDevice(device, linkId, agent.alias, separator, meter);
                agent.devices.put(device, d);
                listener.deviceAdded(d);
                return;
            }
            agent.tripped = true;
        }
        log.warn("room {}: closing the link of agent {}: {}", name, agent.alias, violation);
        agent.abort.accept(violation);
        detach(linkId, "over a cap");
    }

    private String violation(Agent agent, Device device) {
        if (agent.devices.size() >= caps.maxDevices()) {
            return "it shares more than " + caps.maxDevices() + " devices, the most one agent may";
        }
        int features = device.features().size();
        if (features > caps.maxFeatures()) {
            return "device " + PeerText.name(device.name()) + " has " + features + " features; the most is "
                    + caps.maxFeatures();
        }
        if (!agent.churn.tryAdd()) {
            return "it adds devices faster than " + caps.churnPerMinute() + " per minute (bursts of "
                    + caps.churnBurst() + ")";
        }
        return null;
    }

    /** Removes an agent: its devices leave now, its alias is free again and its source is closed. */
    /**
     * Aborts the link of the live agent whose alias is {@code alias} (its devices leave when the
     * link ends, and its agent stops its toys).
     *
     * @return whether there was such an agent
     */
    boolean abortAlias(String alias, String reason) {
        Consumer<String> abort = null;
        synchronized (this) {
            for (Agent a : agents.values()) {
                if (a.alias.equals(alias) && a.abort != null) {
                    abort = a.abort;
                    break;
                }
            }
        }
        if (abort != null) {
            abort.accept(reason);
        }
        return abort != null;
    }

    void detach(String linkId) {
        detach(linkId, "ended");
    }

    private void detach(String linkId, String reason) {
        Agent agent;
        synchronized (this) {
            agent = agents.remove(linkId);
            if (agent == null) {
                return;
            }
            skeletons.remove(agent.skeleton, linkId);
            if (listener != null) {
                for (AliasedDevice d : List.copyOf(agent.devices.values())) {
                    listener.deviceRemoved(d);
                }
            }
            agent.devices.clear();
        }
        meter.linkClosed("agent", reason);
        if (agent.source != null) {
            agent.source.close();
        }
    }

    /** The aliases of the agents now in the room (or reserved for one that is joining). */
    synchronized List<String> aliases() {
        return agents.values().stream().map(a -> a.alias).toList();
    }

    /** The devices the agent of {@code linkId} has in the room now (none when it is not here). */
    synchronized List<AliasedDevice> devicesOf(String linkId) {
        Agent agent = agents.get(linkId);
        return agent == null ? List.of() : List.copyOf(agent.devices.values());
    }

    /** For tests: how many devices the agent of {@code linkId} has here. */
    synchronized Optional<Integer> deviceCount(String linkId) {
        return Optional.ofNullable(agents.get(linkId)).map(a -> a.devices.size());
    }

    /** Agents' devices are there when they are shared: a scan has nothing to find and ends at once. */
    @Override
    public CompletableFuture<Void> startScanning() {
        events.execute(() -> {
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
        ids.forEach(id -> detach(id, "room closed"));
    }
}
