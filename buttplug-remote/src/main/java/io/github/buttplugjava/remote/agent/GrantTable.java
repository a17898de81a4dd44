package io.github.buttplugjava.remote.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * The grants an owner gave: one per local device that has its own, and the default grant for every
 * other device. A device whose own grant is {@link DeviceGrant#none()} stays unshared under any
 * default. Not thread-safe: {@link GrantFilter} holds its lock around every call.
 */
final class GrantTable {

    private final Map<String, DeviceGrant> own = new HashMap<>();
    private DeviceGrant defaultGrant;

    /** The grant {@code id} is shared under: its own, else the default; null for none. */
    DeviceGrant of(String id) {
        return own.getOrDefault(id, defaultGrant);
    }

    /** The device's own grant (null when it has none), or for a null {@code id} the default grant. */
    DeviceGrant ownOrDefault(String id) {
        return id == null ? defaultGrant : own.get(id);
    }

    /** Whether {@code id} has a grant of its own (which a default does not replace). */
    boolean hasOwn(String id) {
        return own.containsKey(id);
    }

    void put(String id, DeviceGrant grant) {
        own.put(id, grant);
    }

    void setDefault(DeviceGrant grant) {
        defaultGrant = grant;
    }
}
