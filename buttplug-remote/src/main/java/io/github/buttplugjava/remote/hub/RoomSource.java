package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
 * {@linkplain #reserve reserved} a place when no live agent's alias looks like its own, or when
 * the live agent is its own stale link (the same alias and resume key), which then leaves first.
 * Of a resume key only its digest is kept. Each agent
 * is held to {@link AgentCaps}: over a cap its link is aborted with the reason and its devices
 * leave. Nothing is kept of devices that left, and a device event costs at most a walk over its
 * agent's devices (at most {@link AgentCaps#maxDevices()}).
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
        /** SHA-256 of the agent's resume key, or null when its hello had none. */
        final byte[] resumeDigest;
        /**
         * The agent's devices in the room, the first {@link #deviceCount} slots: an array sized as
         * they come (a map held 88 bytes for the usual agent's one device, the array 24); at most
         * {@link AgentCaps#maxDevices()}, so a linear search is short.
         */
        private AliasedDevice[] devices = NO_DEVICES;
        private int deviceCount;
        DeviceSource source;
        Consumer<String> abort;
        boolean tripped;

        Agent(String alias, String skeleton, ChurnBudget churn, byte[] resumeDigest) {
            this.alias = alias;
            this.skeleton = skeleton.equals(alias) ? alias : skeleton; // one string for the usual plain alias
            this.churn = churn;
            this.resumeDigest = resumeDigest;
        }

        void addDevice(AliasedDevice d) {
            if (deviceCount == devices.length) {
                devices = Arrays.copyOf(devices, Math.max(1, 2 * deviceCount));
            }
            devices[deviceCount++] = d;
        }

        /** Takes out the room's device for the agent's {@code device}; null when it is not here. */
        AliasedDevice removeDevice(Device device) {
            for (int i = 0; i < deviceCount; i++) {
                AliasedDevice d = devices[i];
                if (d.inner() == device) {
                    System.arraycopy(devices, i + 1, devices, i, deviceCount - i - 1);
                    devices[--deviceCount] = null;
                    if (deviceCount == 0) {
                        devices = NO_DEVICES;
                    }
                    return d;
                }
            }
            return null;
        }

        int deviceCount() {
            return deviceCount;
        }

        /** The agent's devices in the room now, in the order they came. */
        List<AliasedDevice> devices() {
            return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(devices, deviceCount))); // one copy
        }

        void clearDevices() {
            devices = NO_DEVICES;
            deviceCount = 0;
        }
    }

    private static final AliasedDevice[] NO_DEVICES = new AliasedDevice[0];

    /**
     * What {@link #reserve(String, String, byte[], Consumer)} did.
     *
     * @param reserved whether the new link has its place
     * @param replaced the agent's own stale link, taken out of the room for it (its devices have
     *                 left); the caller {@linkplain StaleLink#close closes} it, outside any lock
     */
    record Reservation(boolean reserved, Optional<StaleLink> replaced) {
        static final Reservation REFUSED = new Reservation(false, Optional.empty());
    }

    /** A link taken out of the room for its agent's new link: what is left is to close it. */
    static final class StaleLink {
        private final String alias;
        private final DeviceSource source;
        private final Consumer<String> abort;

        private StaleLink(String alias, DeviceSource source, Consumer<String> abort) {
            this.alias = alias;
            this.source = source;
            this.abort = abort;
        }

        /** The alias of the agent whose link it was. */
        String alias() {
            return alias;
        }

        /** Closes the link with {@code reason} (then stops what its client still thinks is there, if it got that far). */
        void close(String reason) {
            abort.accept(reason);
            if (source != null) {
                source.close();
            }
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
     * Reserves {@code alias} for a new agent link {@code linkId} that showed no resume key.
     *
     * @return false when a live agent's alias looks like this one (see {@link AliasSkeleton})
     */
    synchronized boolean reserve(String linkId, String alias) {
        return reserve(linkId, alias, null, null).reserved();
    }

    /**
     * Reserves {@code alias} for a new agent link {@code linkId} whose hello carried a resume key
     * of digest {@code resumeDigest} (null when it had none); {@code abort} closes that link with a
     * reason (null when the caller has none to give yet; {@link #attach} gives it). When a live
     * agent's alias looks like this one, the place is refused, unless that agent is this one's own
     * stale link: the very same alias, a link that can be closed, and a resume key digest equal
     * to {@code resumeDigest} ({@link MessageDigest#isEqual}). Then the stale link is taken out
     * first (its devices leave the room now, as on any drop) and returned to be closed, and the
     * new link takes its place. A stale link still joining (welcomed or not) is replaced too: its
     * agent has given it up.
     *
     * @return whether the place is reserved, and the stale link replaced, if any
     */
    synchronized Reservation reserve(String linkId, String alias, byte[] resumeDigest, Consumer<String> abort) {
        String skeleton = AliasSkeleton.of(alias);
        String holder = skeletons.get(skeleton);
        StaleLink replaced = null;
        if (holder != null) {
            Agent stale = agents.get(holder);
            if (!ownStaleLink(stale, alias, resumeDigest)) {
                return Reservation.REFUSED;
            }
            takeOut(holder, stale);
            replaced = new StaleLink(stale.alias, stale.source, stale.abort);
        }
        skeletons.put(skeleton, linkId);
        Agent agent = new Agent(alias, skeleton, new ChurnBudget(caps.churnPerMinute(), caps.churnBurst(), nanos),
                resumeDigest == null ? null : resumeDigest.clone());
        agent.abort = abort;
        agents.put(linkId, agent);
        return new Reservation(true, Optional.ofNullable(replaced));
    }

    /** Whether {@code live} is the stale link of the agent now saying hello as {@code alias} with that key. */
    private static boolean ownStaleLink(Agent live, String alias, byte[] resumeDigest) {
        return live != null && resumeDigest != null && live.resumeDigest != null && live.abort != null
                && live.alias.equals(alias) && MessageDigest.isEqual(live.resumeDigest, resumeDigest);
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
                    AliasedDevice d = agent.removeDevice(device);
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
                agent.addDevice(d);
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
        if (agent.deviceCount() >= caps.maxDevices()) {
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

    /** Removes an agent: its devices leave now, its alias is free again and its source is closed. */
    void detach(String linkId) {
        detach(linkId, "ended");
    }

    private void detach(String linkId, String reason) {
        Agent agent;
        synchronized (this) {
            agent = agents.get(linkId);
            if (agent == null) {
                return;
            }
            takeOut(linkId, agent);
        }
        meter.linkClosed("agent", reason);
        if (agent.source != null) {
            agent.source.close();
        }
    }

    /** Removes the agent of {@code linkId}: its devices leave now and its alias is free again. */
    private void takeOut(String linkId, Agent agent) {
        agents.remove(linkId);
        skeletons.remove(agent.skeleton, linkId);
        if (listener != null) {
            for (AliasedDevice d : agent.devices()) {
                listener.deviceRemoved(d);
            }
        }
        agent.clearDevices();
    }

    /** The aliases of the agents now in the room (or reserved for one that is joining). */
    synchronized List<String> aliases() {
        return agents.values().stream().map(a -> a.alias).toList();
    }

    /** The devices the agent of {@code linkId} has in the room now (none when it is not here). */
    synchronized List<AliasedDevice> devicesOf(String linkId) {
        Agent agent = agents.get(linkId);
        return agent == null ? List.of() : agent.devices();
    }

    /** For tests: how many devices the agent of {@code linkId} has here. */
    synchronized Optional<Integer> deviceCount(String linkId) {
        return Optional.ofNullable(agents.get(linkId)).map(Agent::deviceCount);
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
