package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.InputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Input subscriptions of several controllers on the same room device: one subscription on the
 * device, its readings fanned out to every controller that subscribed (a device keeps one listener
 * per input, so controllers must not replace each other's). Holds one entry per subscription in
 * place. Thread-safe.
 */
final class RoomInputs {

    private static final Logger log = LoggerFactory.getLogger(RoomInputs.class);

    private record InputKey(int featureIndex, InputType type) {
    }

    private final Map<Device, Map<InputKey, Map<String, InputListener>>> listeners = new IdentityHashMap<>();

    /** Adds {@code controller}'s listener; the device is subscribed for the first one. */
    CompletableFuture<Void> subscribe(String controller, Device device, int featureIndex, InputType type,
                                      InputListener listener) {
        InputKey key = new InputKey(featureIndex, type);
        boolean first;
        synchronized (this) {
            Map<String, InputListener> byController = listeners.computeIfAbsent(device, d -> new HashMap<>())
                    .computeIfAbsent(key, k -> new LinkedHashMap<>());
            first = byController.isEmpty();
            byController.put(controller, listener);
        }
        if (!first) {
            return CompletableFuture.completedFuture(null);
        }
        return device.subscribe(featureIndex, type, value -> fanOut(device, key, value)).whenComplete((v, e) -> {
            if (e != null) {
                remove(controller, device, key);
            }
        });
    }

    /** Removes {@code controller}'s listener; the device is unsubscribed after the last one. */
    CompletableFuture<Void> unsubscribe(String controller, Device device, int featureIndex, InputType type) {
        InputKey key = new InputKey(featureIndex, type);
        return remove(controller, device, key) ? device.unsubscribe(featureIndex, type)
                : CompletableFuture.completedFuture(null);
    }

    /** The device left the room. */
    synchronized void deviceLeft(Device device) {
        listeners.remove(device);
    }

    /** @return whether that was the last listener of the input */
    private synchronized boolean remove(String controller, Device device, InputKey key) {
        Map<InputKey, Map<String, InputListener>> byKey = listeners.get(device);
        Map<String, InputListener> byController = byKey == null ? null : byKey.get(key);
        if (byController == null || byController.remove(controller) == null) {
            return false;
        }
        if (!byController.isEmpty()) {
            return false;
        }
        byKey.remove(key);
        if (byKey.isEmpty()) {
            listeners.remove(device);
        }
        return true;
    }

    private void fanOut(Device device, InputKey key, int value) {
        List<InputListener> targets;
        synchronized (this) {
            Map<InputKey, Map<String, InputListener>> byKey = listeners.get(device);
            Map<String, InputListener> byController = byKey == null ? null : byKey.get(key);
            targets = byController == null ? List.of() : List.copyOf(byController.values());
        }
        for (InputListener l : targets) {
            try {
                l.onReading(value);
            } catch (RuntimeException e) {
                log.warn("an input listener of a room controller failed", e);
            }
        }
    }
}
