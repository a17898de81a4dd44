package io.github.buttplugjava.btle.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Who listens to which characteristic of one peripheral, and in-order delivery of its
 * notifications: shared by the BLE backends so a notification never reaches a listener that was
 * replaced or unsubscribed after the value arrived. Thread-safe.
 *
 * @param <K> how the backend names a characteristic (a D-Bus object path, a service/characteristic pair)
 */
public final class Subscriptions<K> {
    private final Map<K, Consumer<byte[]>> listeners = new ConcurrentHashMap<>();
    private final Executor delivery;

    /** @param delivery runs listeners, one at a time and in order (a serial executor) */
    public Subscriptions(Executor delivery) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /**
     * Makes {@code listener} the one listener of {@code key}, replacing any earlier one.
     *
     * @param key the characteristic
     * @param listener receives its notifications
     */
    public void put(K key, Consumer<byte[]> listener) {
        listeners.put(key, listener);
    }

    /**
     * The current listener of {@code key}, or null.
     *
     * @param key the characteristic
     * @return the listener, or null when there is none
     */
    public Consumer<byte[]> get(K key) {
        return listeners.get(key);
    }

    /**
     * Drops the listener of {@code key}; returns whether there was one.
     *
     * @param key the characteristic
     * @return true when a listener was dropped
     */
    public boolean remove(K key) {
        return listeners.remove(key) != null;
    }

    /**
     * Drops {@code listener} from {@code key} if it is still the one there (a failed subscribe).
     *
     * @param key the characteristic
     * @param listener the listener to drop, if it is still the current one
     */
    public void remove(K key, Consumer<byte[]> listener) {
        listeners.remove(key, listener);
    }

    /** Drops every listener (the link ended). */
    public void clear() {
        listeners.clear();
    }

    /**
     * Hands {@code value} to {@code listener} on the delivery executor, unless by then it is no
     * longer the listener of {@code key}. {@code value} must not be changed afterwards.
     *
     * @param key the characteristic that notified
     * @param listener the listener current when the value arrived
     * @param value the notification's bytes, not copied
     */
    public void deliver(K key, Consumer<byte[]> listener, byte[] value) {
        delivery.execute(() -> {
            if (listeners.get(key) == listener) {
                listener.accept(value);
            }
        });
    }
}
