package io.github.buttplugjava.core.client;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The listeners of a client device's inputs, by input. Holds no map until the first subscription:
 * most devices are never subscribed, and a hub keeps one client device per shared toy. Thread-safe.
 *
 * @param <K> the key naming one input of the device
 * @param <V> the listener
 */
final class InputSubscriptions<K, V> {

    private volatile ConcurrentHashMap<K, V> map;

    /** The listener of {@code key}, or null. */
    V get(K key) {
        ConcurrentHashMap<K, V> m = map;
        return m == null ? null : m.get(key);
    }

    /** Sets the listener of {@code key}, replacing an earlier one. */
    void put(K key, V listener) {
        ConcurrentHashMap<K, V> m = map;
        if (m == null) {
            synchronized (this) {
                m = map;
                if (m == null) {
                    m = new ConcurrentHashMap<>(4);
                    map = m;
                }
            }
        }
        m.put(key, listener);
    }

    /** Removes the listener of {@code key}; returns it, or null when there was none. */
    V remove(K key) {
        ConcurrentHashMap<K, V> m = map;
        return m == null ? null : m.remove(key);
    }

    /** Drops every listener. */
    void clear() {
        map = null;
    }
}
