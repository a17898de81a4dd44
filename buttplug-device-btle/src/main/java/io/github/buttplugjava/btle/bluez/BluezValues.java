package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.Advertisement;
import org.freedesktop.dbus.types.UInt16;
import org.freedesktop.dbus.types.Variant;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Turns D-Bus property values into Java values. dbus-java 5.1+ hands out arrays inside variants as
 * {@code List<Byte>} rather than {@code byte[]} (manufacturer data, characteristic values), so
 * every byte array goes through {@link #bytes(Object)}.
 */
final class BluezValues {
    private BluezValues() {
    }

    static Object unwrap(Object value) {
        return value instanceof Variant<?> v ? unwrap(v.getValue()) : value;
    }

    /** A byte array from {@code byte[]}, {@code Byte[]} or a list of numbers. */
    static byte[] bytes(Object value) {
        Object v = unwrap(value);
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (v instanceof Byte[] boxed) {
            byte[] out = new byte[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                out[i] = boxed[i];
            }
            return out;
        }
        if (v instanceof List<?> list) {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ((Number) list.get(i)).byteValue();
            }
            return out;
        }
        throw new IllegalArgumentException("not a byte array: " + (v == null ? "null" : v.getClass().getName()));
    }

    static String string(Map<String, Variant<?>> props, String key, String fallback) {
        Object v = props.get(key) == null ? null : unwrap(props.get(key));
        return v == null ? fallback : v.toString();
    }

    static boolean bool(Map<String, Variant<?>> props, String key) {
        Object v = props.get(key) == null ? null : unwrap(props.get(key));
        return v instanceof Boolean b && b;
    }

    static Set<UUID> uuids(Object value) {
        Object v = unwrap(value);
        Collection<?> items = v instanceof Object[] array ? List.of(array) : v instanceof Collection<?> c ? c : List.of();
        Set<UUID> out = new LinkedHashSet<>();
        for (Object item : items) {
            try {
                out.add(UUID.fromString(item.toString()));
            } catch (IllegalArgumentException e) {
                // BlueZ only reports full 128-bit UUIDs; anything else is not a service we can match
            }
        }
        return out;
    }

    /** Manufacturer data {@code a{qv}}: company id to bytes (each value may be a list, see class doc). */
    static Map<Integer, byte[]> manufacturerData(Object value) {
        Map<Integer, byte[]> out = new HashMap<>();
        if (unwrap(value) instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(k instanceof UInt16 u ? u.intValue() : ((Number) k).intValue(), bytes(v)));
        }
        return out;
    }

    /** The advertisement a device's cached {@code org.bluez.Device1} properties describe. */
    static Advertisement advertisement(Map<String, Variant<?>> device) {
        String address = string(device, "Address", "");
        String name = string(device, "Name", string(device, "Alias", ""));
        Object rssi = device.get("RSSI") == null ? null : unwrap(device.get("RSSI"));
        return new Advertisement(address, name, manufacturerData(device.get("ManufacturerData")),
                uuids(device.get("UUIDs")), rssi instanceof Number n ? OptionalInt.of(n.intValue()) : OptionalInt.empty());
    }

    static UUID uuid(Map<String, Variant<?>> props) {
        return UUID.fromString(string(props, "UUID", ""));
    }
}
