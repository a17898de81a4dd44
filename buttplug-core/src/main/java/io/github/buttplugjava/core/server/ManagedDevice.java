package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A device as the manager holds it: its index and v4 description, the timing gap in front of its
 * outputs, and input subscriptions shared by several sessions (one device subscription, fanned
 * out to every subscriber).
 */
final class ManagedDevice {

    private static final Logger log = LoggerFactory.getLogger(ManagedDevice.class);

    private final DeviceInfo info;
    private final Device device;
    private final Scheduling scheduling;
    /**
     * The timing gap's gate, made for the first command (a hub holds thousands of devices that get
     * none); null until then. Set under this object's lock, read without it once set.
     */
    private volatile TimingGate gate;
    /** Set (under this object's lock) when the device left: a gate made after that is closed at once. */
    private boolean removed;
    /** Listeners by input, under this object's lock; null while there are none (most devices, most of the time). */
    private Map<InputKey, Map<Object, InputListener>> subscribers;

    ManagedDevice(int index, Device device, Scheduling scheduling) {
        this.device = device;
        long gap = Math.max(0, Math.min(DeviceManager.MAX_TIMING_GAP_MS, device.timingGapMs()));
        this.info = new DeviceInfo(index, device.name(), device.displayName().orElse(null),
                gap, device.features());
        this.scheduling = scheduling;
    }

    /** The gate, made on first use. */
    private TimingGate gate() {
        TimingGate g = gate;
        if (g != null) {
            return g;
        }
        synchronized (this) {
            if (gate == null) {
                TimingGate made = new TimingGate(info.timingGapMs(), scheduling, device::outputs);
                if (removed) {
                    made.close(removedReason());
                }
                gate = made;
            }
            return gate;
        }
    }

    private String removedReason() {
        return "Device " + info.deviceIndex() + " (" + info.deviceName() + ") was removed";
    }

    DeviceInfo info() {
        return info;
    }

    int index() {
        return info.deviceIndex();
    }

    Device device() {
        return device;
    }

    /** Sets an output through the timing gap. The caller has validated the command. */
    CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        return gate().submit(featureIndex, command);
    }

    /** Sets the outputs of one client message as one command, through the timing gap. The caller has validated them. */
    CompletableFuture<Void> outputs(List<FeatureOutput> outputs) {
        return gate().submit(outputs);
    }

    CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return device.read(featureIndex, type);
    }

    /** Stops every output now, dropping held commands. */
    CompletableFuture<Void> stop() {
        discardHeld(-1);
        return device.stop();
    }

    /** Stops the outputs of one feature: every level output set to 0; positions are left where they are. */
    CompletableFuture<Void> stopFeature(int featureIndex) {
        discardHeld(featureIndex);
        List<FeatureOutput> stops = new ArrayList<>();
        info.feature(featureIndex).map(DeviceFeature::outputs).orElse(Map.of()).keySet().forEach(type -> {
            if (type != OutputType.POSITION && type != OutputType.HW_POSITION_WITH_DURATION) {
                stops.add(new FeatureOutput(featureIndex, OutputCommand.of(type, 0)));
            }
        });
        return stops.isEmpty() ? CompletableFuture.completedFuture(null) : device.outputs(stops);
    }

    /** Adds {@code owner}'s listener of one input; the device is subscribed for the first one. */
    CompletableFuture<Void> subscribe(Object owner, InputKey key, InputListener listener) {
        boolean first;
        synchronized (this) {
            if (subscribers == null) {
                subscribers = new HashMap<>(4);
            }
            Map<Object, InputListener> listeners = subscribers.computeIfAbsent(key, k -> new LinkedHashMap<>());
            first = listeners.isEmpty();
            listeners.put(owner, listener);
        }
        if (!first) {
            return CompletableFuture.completedFuture(null);
        }
        return device.subscribe(key.featureIndex(), key.type(), value -> fanOut(key, value))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        synchronized (ManagedDevice.this) {
                            Map<Object, InputListener> listeners = subscribers == null ? null : subscribers.get(key);
                            if (listeners != null) {
                                listeners.remove(owner);
                            }
                        }
                    }
                });
    }

    /** Removes {@code owner}'s listener of one input; the device is unsubscribed after the last one. */
    CompletableFuture<Void> unsubscribe(Object owner, InputKey key) {
        boolean last;
        synchronized (this) {
            Map<Object, InputListener> listeners = subscribers == null ? null : subscribers.get(key);
            if (listeners == null || listeners.remove(owner) == null) {
                return CompletableFuture.completedFuture(null);
            }
            last = listeners.isEmpty();
            if (last) {
                subscribers.remove(key);
                if (subscribers.isEmpty()) {
                    subscribers = null;
                }
            }
        }
        return last ? device.unsubscribe(key.featureIndex(), key.type()) : CompletableFuture.completedFuture(null);
    }

    /** Removes every listener of {@code owner} (on one feature, or all when {@code featureIndex < 0}). */
    CompletableFuture<Void> unsubscribeAll(Object owner, int featureIndex) {
        List<InputKey> keys;
        synchronized (this) {
            keys = subscribers == null ? List.of() : subscribers.entrySet().stream()
                    .filter(e -> featureIndex < 0 || e.getKey().featureIndex() == featureIndex)
                    .filter(e -> e.getValue().containsKey(owner))
                    .map(Map.Entry::getKey)
                    .toList();
        }
        return CompletableFuture.allOf(keys.stream().map(k -> unsubscribe(owner, k)).toArray(CompletableFuture[]::new));
    }

    /** Drops held commands (of one feature, or all when negative); nothing is held before the first command. */
    private void discardHeld(int featureIndex) {
        TimingGate g = gate;
        if (g != null) {
            g.discard(featureIndex);
        }
    }

    /** The device left: held and later commands fail, subscribers are dropped. */
    void removed() {
        TimingGate g;
        synchronized (this) {
            removed = true;
            subscribers = null;
            g = gate;
        }
        if (g != null) {
            g.close(removedReason());
        }
    }

    private void fanOut(InputKey key, int value) {
        List<InputListener> listeners;
        synchronized (this) {
            Map<Object, InputListener> current = subscribers == null ? null : subscribers.get(key);
            listeners = current == null ? List.of() : List.copyOf(current.values());
        }
        for (InputListener listener : listeners) {
            try {
                listener.onReading(value);
            } catch (RuntimeException e) {
                log.warn("input listener of device {} failed", info.deviceIndex(), e);
            }
        }
    }
}
