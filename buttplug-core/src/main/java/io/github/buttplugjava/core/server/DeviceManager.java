package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Owns the devices of one or more {@link DeviceSource}s and gives each an index.
 *
 * <p>Indices count up from 0 in the order devices first appear; they are never random and never
 * given to another device while this manager lives (a device that leaves and comes back, same
 * source and same {@link Device#identifier()}, gets its old index back, as long as it is among the
 * last {@value #REMEMBERED_DEPARTED} to leave). Timing gaps are clamped to
 * {@value #MAX_TIMING_GAP_MS} ms. Every output goes through
 * the device's timing gap: inside the gap the latest value per feature wins and every request
 * still completes once. Input subscriptions of several sessions share one device subscription.
 *
 * <p>The constructor starts every source. Thread-safe; listeners are called serially on the
 * source's thread and must not block. {@link #close()} stops every device and closes the sources.
 * Futures fail with {@link ButtplugDeviceException}.
 */
public final class DeviceManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeviceManager.class);

    /**
     * Longest timing gap a device may impose, in ms: {@value}. A larger announced gap (a hostile
     * remote device may announce 4,294,967,295 ms) is clamped to this, advertised and enforced.
     */
    public static final long MAX_TIMING_GAP_MS = 1000;

    /**
     * Departed devices whose index is remembered so they get it back when they return: {@value}.
     * Beyond that the oldest departure is forgotten (a device returning after that gets a fresh
     * index; indices are never given to another device), so churn cannot grow the manager.
     */
    public static final int REMEMBERED_DEPARTED = 4096;

    private final List<DeviceSource> sources;
    private final Scheduling scheduling;
    private final List<DeviceManagerListener> listeners = new CopyOnWriteArrayList<>();
    /** Indices of the devices present now, by identity. */
    private final Map<DeviceKey, Integer> knownIndices = new HashMap<>();
    /** Indices of departed devices, oldest departure first, at most {@link #REMEMBERED_DEPARTED}. */
    private final Map<DeviceKey, Integer> departed = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DeviceKey, Integer> eldest) {
            return size() > REMEMBERED_DEPARTED;
        }
    };
    private final Map<Integer, ManagedDevice> devices = new TreeMap<>();
    /** {@code devices.size()}, readable without the lock on every inbound frame. */
    private volatile int deviceCount;
    /** The devices as a list event (Id 0), made when first asked after a change; null until then. */
    private DeviceList snapshot;
    private final Set<DeviceSource> scanningSources = new HashSet<>();
    private int nextIndex;
    private boolean scanning;
    private boolean closed;

    /**
     * A manager over {@code sources}, keeping timing gaps on {@link Scheduling#defaults()}.
     *
     * @param sources the sources to own; each is started now
     */
    public DeviceManager(List<? extends DeviceSource> sources) {
        this(sources, Scheduling.defaults());
    }

    /**
     * A manager over {@code sources}; same as {@code new DeviceManager(sources,
     * Scheduling.defaults().withScheduler(timers))}.
     *
     * @param sources the sources to own; each is started now
     * @param timers runs timing-gap flushes; its tasks only hand commands to devices
     */
    public DeviceManager(List<? extends DeviceSource> sources, ScheduledExecutorService timers) {
        this(sources, Scheduling.defaults().withScheduler(timers));
    }

    /**
     * A manager over {@code sources}.
     *
     * @param sources    the sources to own; each is started now
     * @param scheduling how timing gaps are measured ({@link Scheduling#nanoTime()}) and waited on
     *                   (its scheduler, whose tasks only hand commands to devices)
     */
    public DeviceManager(List<? extends DeviceSource> sources, Scheduling scheduling) {
        this.sources = List.copyOf(sources);
        this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
        for (DeviceSource source : this.sources) {
            source.start(new SourceListener(source));
        }
    }

    /**
     * A manager over the given sources.
     *
     * @param sources the sources to own; each is started now
     * @return the manager, using the library's shared timer thread for timing gaps
     */
    public static DeviceManager of(DeviceSource... sources) {
        return new DeviceManager(List.of(sources));
    }

    /**
     * Registers a listener; it gets events from now on.
     *
     * @param listener receives device events, serially
     */
    public void addListener(DeviceManagerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Unregisters a listener.
     *
     * @param listener a listener added before; unknown ones are ignored
     */
    public void removeListener(DeviceManagerListener listener) {
        listeners.remove(listener);
    }

    /**
     * A snapshot of the current devices as a v4 {@link DeviceList} with Id {@code id}.
     *
     * @param id the Id the list carries: a request's Id, or 0 for an event
     * @return the devices present now, sorted by index
     */
    public synchronized DeviceList deviceList(long id) {
        if (snapshot == null) {
            snapshot = new DeviceList(0, devices.values().stream().map(ManagedDevice::info).toList());
        }
        return id == 0 ? snapshot : snapshot.withId(id);
    }

    /**
     * How many devices are present now (read without locking; a session scales its rate by it).
     *
     * @return the number of devices present, at least 0
     */
    public int deviceCount() {
        return deviceCount;
    }

    /**
     * The current device with this index, if present.
     *
     * @param index a device index this manager gave
     * @return the device's description, or empty when no device with that index is present
     */
    public synchronized Optional<DeviceInfo> deviceInfo(int index) {
        return Optional.ofNullable(devices.get(index)).map(ManagedDevice::info);
    }

    /**
     * The identifier, in its source, of the current device with this index (to find a device a
     * client names by index among the devices of the source it came from).
     *
     * @param index a device index this manager gave
     * @return the device's {@link Device#identifier()}, or empty when no device with that index is present
     */
    public synchronized Optional<String> identifier(int index) {
        return Optional.ofNullable(devices.get(index)).map(m -> m.device().identifier());
    }

    /**
     * Whether a scan is running (asked and not finished or stopped).
     *
     * @return true from {@link #startScanning()} until every source finished or {@link
     *         #stopScanning()}
     */
    public synchronized boolean isScanning() {
        return scanning;
    }

    /**
     * Asks every source to scan. When all have finished on their own, listeners get
     * {@link DeviceManagerListener#scanningFinished()}; with no sources that happens at once.
     *
     * @return completes when every source has started; fails with {@link ButtplugDeviceException}
     *         when one could not
     */
    public CompletableFuture<Void> startScanning() {
        List<DeviceSource> toStart;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException("Device manager is closed"));
            }
            scanning = true;
            scanningSources.addAll(sources);
            toStart = List.copyOf(sources);
        }
        log.info("scanning started on {} source(s)", toStart.size());
        if (toStart.isEmpty()) {
            finishScanning();
        }
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (DeviceSource source : toStart) {
            started.add(source.startScanning().exceptionally(error -> {
                sourceFinished(source);
                throw new ButtplugDeviceException("Source " + source.name() + " could not scan: " + error.getMessage(), error);
            }));
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
    }

    /**
     * Asks every source to stop scanning. No {@code scanningFinished} event follows.
     *
     * @return a future completing when every source has stopped scanning
     */
    public CompletableFuture<Void> stopScanning() {
        synchronized (this) {
            scanning = false;
            scanningSources.clear();
        }
        return CompletableFuture.allOf(sources.stream().map(DeviceSource::stopScanning).toArray(CompletableFuture[]::new));
    }

    /**
     * Stops every output of every device.
     *
     * @return a future completing when every device has taken the stop
     */
    public CompletableFuture<Void> stopAllDevices() {
        List<ManagedDevice> all;
        synchronized (this) {
            all = List.copyOf(devices.values());
        }
        return CompletableFuture.allOf(all.stream().map(ManagedDevice::stop).toArray(CompletableFuture[]::new));
    }

    /** Stops scanning and every device, then closes every source. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        log.info("device manager closing");
        stopScanning();
        stopAllDevices();
        for (DeviceSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                log.warn("source {} failed to close", source.name(), e);
            }
        }
        List<ManagedDevice> left;
        synchronized (this) {
            left = List.copyOf(devices.values());
            devices.clear();
            deviceCount = 0;
            snapshot = null;
        }
        left.forEach(ManagedDevice::removed);
    }

    /** The managed device with this index. */
    synchronized Optional<ManagedDevice> device(int index) {
        return Optional.ofNullable(devices.get(index));
    }

    /** How many device identities the manager remembers, present and departed (for tests). */
    synchronized int rememberedIdentities() {
        return knownIndices.size() + departed.size();
    }

    /** Every managed device now present. */
    synchronized List<ManagedDevice> devices() {
        return List.copyOf(devices.values());
    }

    private void sourceFinished(DeviceSource source) {
        boolean finished;
        synchronized (this) {
            finished = scanningSources.remove(source) && scanningSources.isEmpty() && scanning;
        }
        if (finished) {
            finishScanning();
        }
    }

    private void finishScanning() {
        synchronized (this) {
            if (!scanning) {
                return;
            }
            scanning = false;
            log.info("scanning finished");
            notifyListeners(DeviceManagerListener::scanningFinished);
        }
    }

    private void notifyListeners(java.util.function.Consumer<DeviceManagerListener> call) {
        for (DeviceManagerListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("device manager listener failed", e);
            }
        }
    }

    private static DeviceKey key(int sourceNumber, Device device) {
        return new DeviceKey(sourceNumber, device.identifier());
    }

    /** A device's identity across its comings and goings: its source and its identifier there. */
    private record DeviceKey(int sourceNumber, String identifier) {
    }

    /** Adapts one source's events; the source number keeps identifiers of different sources apart. */
    private final class SourceListener implements DeviceSourceListener {
        private final DeviceSource source;
        private final int sourceNumber;

        SourceListener(DeviceSource source) {
            this.source = source;
            this.sourceNumber = sources.indexOf(source);
        }

        @Override
        public void deviceAdded(Device device) {
            synchronized (DeviceManager.this) {
                if (closed) {
                    device.stop();
                    return;
                }
                DeviceKey key = key(sourceNumber, device);
                Integer index = knownIndices.get(key);
                if (index == null) {
                    Integer returning = departed.remove(key);
                    index = returning != null ? returning : nextIndex++;
                    knownIndices.put(key, index);
                }
                ManagedDevice present = devices.get(index);
                if (present != null && present.device() == device) {
                    return;
                }
                if (present != null) {
                    present.removed();
                }
                ManagedDevice managed = new ManagedDevice(index, device, scheduling);
                devices.put(index, managed);
                deviceCount = devices.size();
                snapshot = null;
                log.info("device {} added: {} (source {})", index, device.name(), source.name());
                notifyListeners(l -> l.deviceAdded(managed.info()));
            }
        }

        @Override
        public void deviceRemoved(Device device) {
            synchronized (DeviceManager.this) {
                DeviceKey key = key(sourceNumber, device);
                Integer index = knownIndices.get(key);
                ManagedDevice managed = index == null ? null : devices.get(index);
                if (managed == null || managed.device() != device) {
                    return;
                }
                devices.remove(index);
                deviceCount = devices.size();
                snapshot = null;
                knownIndices.remove(key);
                departed.put(key, index);
                managed.removed();
                log.info("device {} removed: {} (source {})", index, device.name(), source.name());
                notifyListeners(l -> l.deviceRemoved(managed.info()));
            }
        }

        @Override
        public void scanningFinished() {
            sourceFinished(source);
        }
    }
}
