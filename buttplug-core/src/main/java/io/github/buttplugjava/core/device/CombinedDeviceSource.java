package io.github.buttplugjava.core.device;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Several device sources seen as one (Bluetooth toys and serial ports, say), for code that takes a
 * single {@link DeviceSource}, such as a share agent. Devices are reported as each source reports
 * them; a scan covers every source, and its end is reported once every source has reported the end
 * of its own scan. Thread-safe.
 */
public final class CombinedDeviceSource implements DeviceSource {

    private final List<DeviceSource> sources;
    private final Object lock = new Object();
    /** The sources whose current scan has ended; the combined scan ends when it holds them all. */
    private final Set<DeviceSource> finished = new HashSet<>();
    private boolean finishReported;

    /**
     * Combines {@code sources}.
     *
     * @param sources at least one source, none twice; the list is copied
     * @throws IllegalArgumentException when the list is empty or names a source twice
     */
    public CombinedDeviceSource(List<? extends DeviceSource> sources) {
        this.sources = List.copyOf(sources);
        if (this.sources.isEmpty()) {
            throw new IllegalArgumentException("combine at least one device source");
        }
        if (Set.copyOf(this.sources).size() != this.sources.size()) {
            throw new IllegalArgumentException("a device source is listed twice");
        }
    }

    /**
     * The combined sources, in the order given.
     *
     * @return the sources (unmodifiable)
     */
    public List<DeviceSource> sources() {
        return sources;
    }

    /**
     * The sources' names joined with {@code " + "}.
     *
     * @return the name
     */
    @Override
    public String name() {
        List<String> names = new ArrayList<>();
        for (DeviceSource s : sources) {
            names.add(s.name());
        }
        return String.join(" + ", names);
    }

    @Override
    public void start(DeviceSourceListener listener) {
        Objects.requireNonNull(listener, "listener");
        for (DeviceSource source : sources) {
            source.start(new DeviceSourceListener() {
                @Override
                public void deviceAdded(Device device) {
                    listener.deviceAdded(device);
                }

                @Override
                public void deviceRemoved(Device device) {
                    listener.deviceRemoved(device);
                }

                @Override
                public void scanningFinished() {
                    if (finishedOne(source)) {
                        listener.scanningFinished();
                    }
                }
            });
        }
    }

    /** Whether {@code source}'s end of scan completes the combined scan (reported once per scan). */
    private boolean finishedOne(DeviceSource source) {
        synchronized (lock) {
            finished.add(source);
            if (finishReported || finished.size() < sources.size()) {
                return false;
            }
            finishReported = true;
            return true;
        }
    }

    /**
     * Starts a scan on every source.
     *
     * @return completes when every source has started its scan; fails with the first failure
     */
    @Override
    public CompletableFuture<Void> startScanning() {
        synchronized (lock) {
            finished.clear();
            finishReported = false;
        }
        return all(true);
    }

    /**
     * Stops the scan on every source.
     *
     * @return completes when every source has stopped scanning; fails with the first failure
     */
    @Override
    public CompletableFuture<Void> stopScanning() {
        return all(false);
    }

    private CompletableFuture<Void> all(boolean start) {
        List<CompletableFuture<Void>> each = new ArrayList<>();
        for (DeviceSource s : sources) {
            try {
                each.add(start ? s.startScanning() : s.stopScanning());
            } catch (RuntimeException e) {
                each.add(CompletableFuture.failedFuture(e));
            }
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new));
    }

    /**
     * Closes every source, also when one of them throws; the first exception is rethrown with the
     * others suppressed.
     */
    @Override
    public void close() {
        RuntimeException first = null;
        for (DeviceSource s : sources) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
