package io.github.buttplugjava.btle.bluez;

import io.github.buttplugjava.btle.BleException;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The GATT services of a connected device as BlueZ exports them: UUIDs to object paths. */
record GattTable(String deviceName, Map<UUID, Map<UUID, String>> characteristicPaths) {

    GattTable {
        Map<UUID, Map<UUID, String>> copy = new LinkedHashMap<>();
        characteristicPaths.forEach((s, chars) -> copy.put(s, Map.copyOf(chars)));
        characteristicPaths = Map.copyOf(copy);
    }

    /** Reads the services and characteristics under {@code devicePath} from the session's cache. */
    static GattTable read(BluezSession session, String devicePath, String deviceName) {
        Map<String, UUID> services = new HashMap<>();
        for (String path : session.pathsUnder(devicePath, BluezSession.GATT_SERVICE)) {
            services.put(path, BluezValues.uuid(session.properties(path, BluezSession.GATT_SERVICE)));
        }
        Map<UUID, Map<UUID, String>> table = new LinkedHashMap<>();
        services.values().forEach(uuid -> table.putIfAbsent(uuid, new HashMap<>()));
        for (String path : session.pathsUnder(devicePath, BluezSession.GATT_CHARACTERISTIC)) {
            var props = session.properties(path, BluezSession.GATT_CHARACTERISTIC);
            UUID service = services.get(BluezValues.string(props, "Service", ""));
            if (service != null) {
                table.get(service).putIfAbsent(BluezValues.uuid(props), path);
            }
        }
        return new GattTable(deviceName, table);
    }

    Map<UUID, Set<UUID>> services() {
        Map<UUID, Set<UUID>> out = new HashMap<>();
        characteristicPaths.forEach((s, chars) -> out.put(s, Set.copyOf(chars.keySet())));
        return Map.copyOf(out);
    }

    String path(UUID service, UUID characteristic) {
        Map<UUID, String> chars = characteristicPaths.get(service);
        if (chars == null) {
            throw new BleException(deviceName + " has no service " + service);
        }
        String path = chars.get(characteristic);
        if (path == null) {
            throw new BleException(deviceName + " has no characteristic " + characteristic + " in service " + service);
        }
        return path;
    }
}
