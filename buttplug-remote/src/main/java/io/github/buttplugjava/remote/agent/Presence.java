package io.github.buttplugjava.remote.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who is in the room an agent shares into, as the hub tells it: the controllers connected now, in
 * the order they joined, and for each of the agent's shared devices that someone drives, the
 * controllers that set the current value of one of its outputs (one, unless the room's policy
 * lets several controllers drive different outputs of one toy). Devices are named by their local
 * identifier, as in {@link GrantFilter#localDevices()}. Immutable.
 *
 * @param controllers the controllers connected now, in the order they joined
 * @param drivers     for each device driven now (its local identifier), who drives it
 */
public record Presence(List<String> controllers, Map<String, List<String>> drivers) {

    /** Nobody in the room. */
    public static final Presence NOBODY = new Presence(List.of(), Map.of());

    /**
     * Copies the lists; devices driven by nobody are dropped.
     *
     * @param controllers the controllers connected now, in the order they joined
     * @param drivers     for each device driven now, who drives it
     * @throws NullPointerException when an argument or an element is null
     */
    public Presence {
        controllers = List.copyOf(controllers);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        drivers.forEach((device, who) -> {
            if (!who.isEmpty()) {
                copy.put(Objects.requireNonNull(device, "device"), List.copyOf(who));
            }
        });
        drivers = Collections.unmodifiableMap(copy);
    }

    /**
     * Who drives one device.
     *
     * @param device the device's local identifier
     * @return the controllers driving it now; empty when nobody does
     */
    public List<String> driversOf(String device) {
        return drivers.getOrDefault(device, List.of());
    }
}
