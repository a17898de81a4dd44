package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.internal.Pacer;
import io.github.buttplugjava.core.internal.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A {@link DeviceSource} that shows only what the owner shares of another source's devices.
 *
 * <p>Each local device is shared under its own grant ({@link #share}) or, if it has none, the
 * default grant ({@link #shareAll}); without either it is not shared. A shared device is advertised
 * with only the granted output and input types and with step ranges shrunk to the grant, and every
 * command is checked against the grant again (range, expiry): refusals fail with
 * {@link io.github.buttplugjava.core.ButtplugDeviceException}. Commands faster than a granted
 * interval are held, latest wins, and reach the toy no sooner than the interval after the previous
 * write completed; stops always pass at once (see {@link FilteredDevice}). The shared device's identifier is an
 * opaque value, never the local address.
 *
 * <p>When a grant is revoked, paused, expires or shrinks, the device first refuses new commands,
 * then its outputs are stopped, and only then is it reported removed (and, for a changed grant,
 * added again with the new view). The returned futures complete when that is done. A stop that
 * does not answer within {@link #STOP_WAIT} does not hold the removal back.
 *
 * <p>Thread-safe. Listener events are delivered serially on the executor of the filter's
 * {@link Scheduling}; its scheduler runs the expiry timers and held intervals, its clock tells
 * when a grant has expired.
 *
 * <p>This class holds the owner's API and brings each device to its grant; the grants themselves,
 * their expiry timers, the queue of changes and the opaque identifiers are kept by small helpers
 * of this package.
 */
public final class GrantFilter implements DeviceSource {

    /** The longest a revocation waits for the device to confirm its stop before removing it. */
    public static final Duration STOP_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(GrantFilter.class);

    private final DeviceSource local;
    private final Scheduling scheduling;
    private final Executor events;
    private final Clock clock;
    private final Pacer pacer;
    private final OpaqueIds opaqueIds = new OpaqueIds();

    private final Object lock = new Object();
    private final Map<String, Device> localDevices = new LinkedHashMap<>();
    private final GrantTable grants = new GrantTable();
    private final Map<String, FilteredDevice> shared = new HashMap<>();
    private final ExpiryTimers expiryTimers;
    private final ReconcileQueue reconciles;
    private DeviceSourceListener listener;
    private boolean closed;
    private boolean released;

    /**
     * A filter over {@code local} on {@link Scheduling#defaults()}.
     *
     * @param local the source of the local devices
     */
    public GrantFilter(DeviceSource local) {
        this(local, Scheduling.defaults());
    }

    /**
     * A filter over {@code local} using {@code scheduler} for expiry timers and held intervals
     * and {@code clock} for expiry; events run on the default executor.
     *
     * @param local the source of the local devices
     * @param scheduler runs expiry timers and held intervals
     * @param clock the clock grant expiry is read from
     * @deprecated use {@link #GrantFilter(DeviceSource, Scheduling)}, which this calls with
     *             {@code Scheduling.defaults().withScheduler(scheduler).withClock(clock)}
     */
    @Deprecated
    public GrantFilter(DeviceSource local, ScheduledExecutorService scheduler, Clock clock) {
        this(local, Scheduling.defaults().withScheduler(scheduler).withClock(clock));
    }

    /**
     * A filter over {@code local} on {@code scheduling}: events serially on its executor, expiry
     * timers and held intervals on its scheduler, expiry read from its clock. Nothing of it is
     * shut down by {@link #close()}.
     *
     * @param local      the source of the local devices
     * @param scheduling where events run and how time is kept
     */
    public GrantFilter(DeviceSource local, Scheduling scheduling) {
        this.local = Objects.requireNonNull(local, "local");
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        this.events = new SerialExecutor(scheduling.executor());
        this.clock = scheduling.clock();
        this.pacer = Pacer.of(scheduling);
        this.expiryTimers = new ExpiryTimers(scheduling.scheduler(), clock);
        this.reconciles = new ReconcileQueue(events);
    }

    @Override
    public String name() {
        return "grants(" + local.name() + ")";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        synchronized (lock) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
        }
        local.start(new LocalListener());
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return local.startScanning();
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return local.stopScanning();
    }

    // ---- the owner's API ----------------------------------------------------------------

    /**
     * The devices of the local source, shared or not, by their local identifier.
     *
     * @return the devices of the local source, shared or not, by their local identifier
     */
    public Map<String, Device> localDevices() {
        synchronized (lock) {
            return Map.copyOf(localDevices);
        }
    }

    /**
     * The local identifiers of the devices shared right now.
     *
     * @return the local identifiers of the devices shared right now
     */
    public List<String> sharedIdentifiers() {
        synchronized (lock) {
            return List.copyOf(shared.keySet());
        }
    }

    /** The local identifier of the shared device whose identifier on the link is {@code sharedIdentifier}. */
    Optional<String> localIdentifierOf(String sharedIdentifier) {
        synchronized (lock) {
            return shared.entrySet().stream().filter(e -> e.getValue().identifier().equals(sharedIdentifier))
                    .map(Map.Entry::getKey).findFirst();
        }
    }

    /**
     * The grant a local device is shared under (its own, else the default), if any.
     *
     * @param localIdentifier the device's identifier in the local source
     * @return the grant a local device is shared under (its own, else the default), if any
     */
    public Optional<DeviceGrant> grantOf(String localIdentifier) {
        synchronized (lock) {
            return Optional.ofNullable(grants.of(localIdentifier));
        }
    }

    /**
     * Shares one local device (now or when it appears) under {@code grant}, replacing its earlier
     * grant. Completes when controllers see the change.
     *
     * @param localIdentifier the device's identifier in the local source
     * @param grant the grant
     * @return completes when controllers see the change
     */
    public CompletableFuture<Void> share(String localIdentifier, DeviceGrant grant) {
        Objects.requireNonNull(localIdentifier, "localIdentifier");
        Objects.requireNonNull(grant, "grant");
        synchronized (lock) {
            grants.put(localIdentifier, grant);
            rearm(localIdentifier, grant);
            return change(List.of(localIdentifier));
        }
    }

    /**
     * Shares every local device that has no grant of its own under {@code grant} (null: none).
     * Completes when controllers see the change.
     *
     * @param grant the default grant; null for none
     * @return completes when controllers see the change
     */
    public CompletableFuture<Void> shareAll(DeviceGrant grant) {
        synchronized (lock) {
            grants.setDefault(grant);
            rearm(null, grant);
            List<String> affected = new ArrayList<>();
            localDevices.keySet().forEach(id -> {
                if (!grants.hasOwn(id)) {
                    affected.add(id);
                }
            });
            return change(affected);
        }
    }

    /**
     * Stops sharing one local device: it refuses commands at once, its outputs stop, then it
     * leaves. It stays unshared even under a default grant until {@link #share} again.
     *
     * @param localIdentifier the device's identifier in the local source
     * @return completes when the device has stopped and left
     */
    public CompletableFuture<Void> revoke(String localIdentifier) {
        synchronized (lock) {
            grants.put(localIdentifier, DeviceGrant.none());
            rearm(localIdentifier, null);
            return change(List.of(localIdentifier));
        }
    }

    /**
     * Pauses (true) or resumes (false) one device's grant; see {@link #revoke} for the order.
     *
     * @param localIdentifier the device's identifier in the local source
     * @param paused true to pause, false to resume
     * @return completes when controllers see the change
     */
    public CompletableFuture<Void> pause(String localIdentifier, boolean paused) {
        synchronized (lock) {
            DeviceGrant g = grants.of(localIdentifier);
            if (g == null) {
                return CompletableFuture.completedFuture(null);
            }
            grants.put(localIdentifier, g.withPaused(paused));
            return change(List.of(localIdentifier));
        }
    }

    /**
     * Panic: unshares every device (each stops first). Works without any network.
     *
     * @return completes when every device has stopped and left
     */
    public CompletableFuture<Void> revokeAll() {
        synchronized (lock) {
            grants.setDefault(null);
            List<String> ids = new ArrayList<>(localDevices.keySet());
            ids.addAll(shared.keySet());
            ids.forEach(id -> {
                grants.put(id, DeviceGrant.none());
                rearm(id, null);
            });
            return change(ids);
        }
    }

    /**
     * Stops every local device at once, shared or not; sharing is unchanged.
     *
     * @return completes when every local device has answered its stop
     */
    public CompletableFuture<Void> stopAll() {
        List<Device> devices;
        synchronized (lock) {
            devices = List.copyOf(localDevices.values());
        }
        return CompletableFuture.allOf(devices.stream().map(Device::stop)
                .map(f -> f.exceptionally(e -> null)).toArray(CompletableFuture[]::new));
    }

    /** Unshares everything (stopping first) and closes the local source. Idempotent. */
    @Override
    public void close() {
        CompletableFuture<Void> done;
        synchronized (lock) {
            if (closed) {
                return;
            }
            done = revokeAll();
            closed = true;
            expiryTimers.cancelAll();
        }
        done.whenComplete((v, e) -> {
            synchronized (lock) {
                released = true;
            }
            local.close();
        });
    }

    // ---- reconciliation -------------------------------------------------------------------

    /** Queues a reconcile of each device; disables at once those whose view will change. */
    private CompletableFuture<Void> change(List<String> ids) {
        if (released) {
            return CompletableFuture.completedFuture(null);
        }
        for (String id : ids) {
            FilteredDevice current = shared.get(id);
            if (current != null) {
                Optional<GrantedView> next = desiredView(id);
                if (next.isEmpty() || !next.get().sameAdvertisement(current.view())) {
                    current.disable("its grant changed");
                }
            }
        }
        return reconciles.enqueue(ids, this::reconcile);
    }

    private Optional<GrantedView> desiredView(String id) {
        Device device = localDevices.get(id);
        DeviceGrant grant = grants.of(id);
        if (device == null || grant == null || grant.paused() || grant.expiredAt(clock.instant())) {
            return Optional.empty();
        }
        return GrantedView.of(device, grant);
    }

    /** Runs on the scheduler, one at a time: brings one device's shared state to its grant. */
    private CompletableFuture<Void> reconcile(String id) {
        FilteredDevice current;
        Device device;
        DeviceGrant grant;
        Optional<GrantedView> next;
        DeviceSourceListener l;
        synchronized (lock) {
            current = shared.get(id);
            device = localDevices.get(id);
            grant = grants.of(id);
            next = desiredView(id);
            l = listener;
        }
        if (current != null && next.isPresent() && next.get().sameAdvertisement(current.view())
                && current.inner() == device) {
            current.updateGrant(grant);
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> stopped = CompletableFuture.completedFuture(null);
        if (current != null) {
            current.disable("it is no longer shared");
            if (current.inner() == device) {
                stopped = Deadlines.completeOnTimeout(current.inner().stop(), null, STOP_WAIT, scheduling)
                        .exceptionally(e -> {
                            log.warn("stopping {} before unsharing it failed: {}", PeerText.name(current.name()), PeerText.error(e.getMessage()));
                            return null;
                        });
            }
        }
        return stopped.thenRunAsync(() -> {
            if (current != null) {
                synchronized (lock) {
                    shared.remove(id, current);
                }
                log.info("{} is no longer shared", PeerText.name(current.name()));
                l.deviceRemoved(current);
            }
            if (next.isPresent() && device != null) {
                FilteredDevice added = new FilteredDevice(device, opaqueIds.of(id), grant, next.get(), clock, pacer);
                synchronized (lock) {
                    shared.put(id, added);
                }
                log.info("sharing {}", PeerText.name(device.name()));
                l.deviceAdded(added);
            }
        }, events);
    }

    /** Arms the expiry timer of one device's grant ({@code id} null: the default grant). */
    private void rearm(String id, DeviceGrant grant) {
        expiryTimers.arm(id, grant == null ? null : grant.expiresAt(), () -> events.execute(() -> expired(id)));
    }

    /** An expiry timer fired: the device (or, for null, every default-granted one) leaves. */
    private void expired(String id) {
        synchronized (lock) {
            DeviceGrant grant = grants.ownOrDefault(id);
            if (grant != null && grant.expiresAt() != null && !grant.expiredAt(clock.instant())) {
                rearm(id, grant);
                return;
            }
            List<String> affected = new ArrayList<>();
            if (id != null) {
                affected.add(id);
            } else {
                localDevices.keySet().stream().filter(d -> !grants.hasOwn(d)).forEach(affected::add);
            }
            log.info("a grant expired; unsharing {} device(s)", affected.size());
            change(affected);
        }
    }

    private final class LocalListener implements DeviceSourceListener {
        @Override
        public void deviceAdded(Device device) {
            synchronized (lock) {
                localDevices.put(device.identifier(), device);
                change(List.of(device.identifier()));
            }
        }

        @Override
        public void deviceRemoved(Device device) {
            synchronized (lock) {
                localDevices.remove(device.identifier(), device);
                FilteredDevice current = shared.get(device.identifier());
                if (current != null) {
                    current.disable("the device is gone");
                }
                change(List.of(device.identifier()));
            }
        }

        @Override
        public void scanningFinished() {
            DeviceSourceListener l;
            synchronized (lock) {
                l = listener;
            }
            events.execute(l::scanningFinished);
        }
    }
}
