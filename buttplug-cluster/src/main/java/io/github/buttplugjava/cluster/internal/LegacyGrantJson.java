package io.github.buttplugjava.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A room's legacy grant (what the devices of buttplug-js 0.13 forwarders may do, enforced by the
 * owner's hub) in a stored room record:
 * {@code {"outputs": {"VIBRATE": {"maxLevel": 0.5, "minIntervalMs": 100}}, "inputs": ["BATTERY"],
 * "expiresAtMs": 1780000000000, "paused": false}} ({@code inputs}, {@code expiresAtMs} and
 * {@code paused} only when set). Stateless.
 */
final class LegacyGrantJson {

    private LegacyGrantJson() {
    }

    /** Writes {@code grant} into {@code node}. */
    static void write(DeviceGrant grant, ObjectNode node) {
        ObjectNode outputs = node.putObject("outputs");
        grant.outputs().forEach((type, g) -> outputs.putObject(type.name()).put("maxLevel", g.maxLevel())
                .put("minIntervalMs", g.minInterval().toMillis()));
        if (!grant.inputs().isEmpty()) {
            grant.inputs().forEach(i -> node.withArray("inputs").add(i.name()));
        }
        grant.expiry().ifPresent(at -> node.put("expiresAtMs", at.toEpochMilli()));
        if (grant.paused()) {
            node.put("paused", true);
        }
    }

    /**
     * Reads a stored legacy grant.
     *
     * @throws IllegalArgumentException when a type is unknown or a level or interval out of range
     */
    static DeviceGrant read(JsonNode node) {
        if (!node.isObject() || !node.path("outputs").isObject()) {
            throw new IllegalArgumentException("room record has an unreadable legacy grant");
        }
        Map<OutputType, OutputGrant> outputs = new EnumMap<>(OutputType.class);
        Iterator<Map.Entry<String, JsonNode>> fields = node.get("outputs").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            OutputType type = known(OutputType.class, f.getKey());
            JsonNode g = f.getValue();
            outputs.put(type, new OutputGrant(g.path("maxLevel").asDouble(0),
                    Duration.ofMillis(g.path("minIntervalMs").asLong(0))));
        }
        Set<InputType> inputs = EnumSet.noneOf(InputType.class);
        for (JsonNode i : node.path("inputs")) {
            inputs.add(known(InputType.class, i.asText()));
        }
        Instant expiresAt = node.has("expiresAtMs") ? Instant.ofEpochMilli(node.get("expiresAtMs").asLong()) : null;
        return new DeviceGrant(outputs, inputs, expiresAt, node.path("paused").asBoolean(false));
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("room record's legacy grant names an unknown " + type.getSimpleName()
                    + " (a newer node wrote it?)");
        }
    }
}
