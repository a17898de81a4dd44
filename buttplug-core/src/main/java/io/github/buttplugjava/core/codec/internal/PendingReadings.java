package io.github.buttplugjava.core.codec.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers legacy sensor requests (v3 SensorReadCmd, v2 BatteryLevelCmd) by Id so the v4
 * InputReading reply can be converted back to the reading shape the client asked for. Bounded:
 * the oldest entries go first. Not thread-safe.
 */
public final class PendingReadings {
    private static final int MAX_ENTRIES = 256;

    /** The reply shape the client expects. */
    public enum Shape {
        /** A v3 SensorReading, answering SensorReadCmd. */
        SENSOR_READING,
        /** A v2 BatteryLevelReading, answering BatteryLevelCmd. */
        BATTERY_LEVEL_READING
    }

    /**
     * One remembered request.
     *
     * @param shape        the reply shape
     * @param deviceIndex  the device
     * @param featureIndex the v4 feature read
     * @param sensorIndex  the v3 SensorIndex (0 for BatteryLevelCmd)
     */
    public record Pending(Shape shape, int deviceIndex, int featureIndex, int sensorIndex) {
    }

    private final Map<Long, Pending> byId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Pending> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * Remembers a request.
     *
     * @param id the request's Id
     * @param pending what was asked
     */
    public void remember(long id, Pending pending) {
        byId.put(id, pending);
    }

    /**
     * Takes the request with this Id when it read this device and feature.
     *
     * @param id the Id of the InputReading reply
     * @param deviceIndex the reply's device
     * @param featureIndex the reply's feature
     * @return the request, now forgotten, or empty when none matches
     */
    public Optional<Pending> take(long id, int deviceIndex, int featureIndex) {
        Pending p = byId.get(id);
        if (p == null || p.deviceIndex() != deviceIndex || p.featureIndex() != featureIndex) {
            return Optional.empty();
        }
        byId.remove(id);
        return Optional.of(p);
    }
}
