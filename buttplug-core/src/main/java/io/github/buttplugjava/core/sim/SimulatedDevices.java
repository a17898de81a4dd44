package io.github.buttplugjava.core.sim;

import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A {@link DeviceSource} of simulated toys, the default devices of the examples and the tests:
 * {@code SimulatedDevices.of("lovense", "wevibe")}.
 *
 * <p>A scan "finds" every plugged-in toy not yet reported, then reports the scan finished; with
 * {@link Builder#presentAtStart(boolean)} the toys are reported at {@link #start} instead. Tests
 * can {@link #unplug} and {@link #plugIn} a toy. Events go to the listener serially on the
 * source's own executor. Thread-safe.
 */
public final class SimulatedDevices implements DeviceSource {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDevices.class);

    private final List<SimulatedDevice> devices;
    private final boolean presentAtStart;
    private final Executor events;
    private final Map<SimulatedDevice, Boolean> reported = new HashMap<>();
    private DeviceSourceListener listener;
    private boolean closed;

    private SimulatedDevices(List<SimulatedDevice> devices, boolean presentAtStart, Scheduling scheduling) {
        this.events = new SerialExecutor(scheduling.executor());
        this.devices = List.copyOf(devices);
        this.presentAtStart = presentAtStart;
    }

    /**
     * Toys from the catalogue by short name (see {@link SimulatedToy#names()}), found by a scan.
     *
     * @param shortNames catalogue names, case-insensitive; a name given twice makes two toys
     * @return a source not yet started, its toys reported by a scan
     * @throws IllegalArgumentException for an unknown name
     */
    public static SimulatedDevices of(String... shortNames) {
        Builder builder = builder();
        for (String name : shortNames) {
            builder.add(name);
        }
        return builder.build();
    }

    /**
     * A builder with no toys.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "sim";
    }

    /**
     * Every toy of this source, in the order added.
     *
     * @return the toys, unmodifiable, whether plugged in or not
     */
    public List<SimulatedDevice> devices() {
        return devices;
    }

    /**
     * The first toy with this short name.
     *
     * @param shortName the catalogue name, case-insensitive
     * @return the toy
     * @throws IllegalArgumentException when there is none
     */
    public SimulatedDevice device(String shortName) {
        return devices.stream().filter(d -> d.toy().shortName().equalsIgnoreCase(shortName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated " + shortName + " in this source"));
    }

    @Override
    public synchronized void start(DeviceSourceListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        if (presentAtStart) {
            events.execute(this::reportUnreported);
        }
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        DeviceSourceListener target;
        synchronized (this) {
            target = listener;
        }
        if (target == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("source not started"));
        }
        events.execute(() -> {
            reportUnreported();
            target.scanningFinished();
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Disconnects a toy: it is reported removed and fails later commands until plugged in again.
     *
     * @param device one of this source's toys
     */
    public void unplug(SimulatedDevice device) {
        events.execute(() -> {
            DeviceSourceListener target;
            synchronized (this) {
                if (reported.remove(device) == null) {
                    device.setConnected(false);
                    return;
                }
                target = listener;
            }
            device.setConnected(false);
            log.info("sim {}: unplugged", device.name());
            target.deviceRemoved(device);
        });
    }

    /**
     * Reconnects an unplugged toy; it is reported again (with its old index) at once.
     *
     * @param device one of this source's toys, unplugged before
     */
    public void plugIn(SimulatedDevice device) {
        events.execute(() -> {
            device.setConnected(true);
            reportUnreported();
        });
    }

    /** Stops every toy and reports it removed. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<SimulatedDevice> gone = new ArrayList<>();
        DeviceSourceListener target;
        synchronized (this) {
            gone.addAll(reported.keySet());
            reported.clear();
            target = listener;
        }
        for (SimulatedDevice device : gone) {
            device.stop();
            device.setConnected(false);
            if (target != null) {
                target.deviceRemoved(device);
            }
        }
    }

    private void reportUnreported() {
        List<SimulatedDevice> found = new ArrayList<>();
        DeviceSourceListener target;
        synchronized (this) {
            if (closed || listener == null) {
                return;
            }
            for (SimulatedDevice device : devices) {
                if (device.isConnected() && !reported.containsKey(device)) {
                    reported.put(device, Boolean.TRUE);
                    found.add(device);
                }
            }
            target = listener;
        }
        for (SimulatedDevice device : found) {
            log.info("sim {}: found", device.name());
            target.deviceAdded(device);
        }
    }

    /** Collects toys for a {@link SimulatedDevices}. Not thread-safe. */
    public static final class Builder {
        private final List<SimulatedToy> toys = new ArrayList<>();
        private boolean presentAtStart;
        private long timingGapMs = -1;
        private Scheduling scheduling = Scheduling.defaults();

        private Builder() {
        }

        /**
         * Adds a catalogue toy by short name.
         *
         * @param shortName the catalogue name, case-insensitive
         * @return this builder
         * @throws IllegalArgumentException for an unknown name
         */
        public Builder add(String shortName) {
            toys.add(SimulatedToy.named(shortName));
            return this;
        }

        /**
         * Adds a toy description.
         *
         * @param toy the description
         * @return this builder
         */
        public Builder add(SimulatedToy toy) {
            toys.add(Objects.requireNonNull(toy, "toy"));
            return this;
        }

        /**
         * Whether toys are reported at start, without a scan (default false).
         *
         * @param present true to report toys at start, false to report them on a scan
         * @return this builder
         */
        public Builder presentAtStart(boolean present) {
            this.presentAtStart = present;
            return this;
        }

        /**
         * Overrides the timing gap of every toy, in ms.
         *
         * @param gapMs least time between commands, in ms, at least 0
         * @return this builder
         * @throws IllegalArgumentException when {@code gapMs} is negative
         */
        public Builder timingGapMs(long gapMs) {
            if (gapMs < 0) {
                throw new IllegalArgumentException("timing gap must not be negative");
            }
            this.timingGapMs = gapMs;
            return this;
        }

        /**
         * Where the source and its toys deliver events, and the clock their recordings read
         * (default {@link Scheduling#defaults()}).
         *
         * @param scheduling the executor events run on and the clock recordings read
         * @return this builder
         */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
            return this;
        }

        /**
         * The source.
         *
         * @return a source with the toys added so far, not yet started
         */
        public SimulatedDevices build() {
            Map<String, Integer> counts = new HashMap<>();
            List<SimulatedDevice> devices = new ArrayList<>();
            for (SimulatedToy toy : toys) {
                SimulatedToy effective = timingGapMs >= 0 ? toy.withTimingGap(timingGapMs) : toy;
                int n = counts.merge(toy.shortName(), 1, Integer::sum);
                devices.add(new SimulatedDevice("sim:" + toy.shortName() + "#" + n, effective, scheduling));
            }
            return new SimulatedDevices(devices, presentAtStart, scheduling);
        }
    }
}
