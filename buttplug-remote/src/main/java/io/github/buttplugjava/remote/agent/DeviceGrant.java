package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the owner of a device lets remote controllers do with it: which output types (each with a
 * {@link OutputGrant}), which inputs may be read, until when, and whether sharing is paused.
 *
 * <p>An output or input type that is not listed is not shared: the controller does not see it
 * and a command to it is refused. Raw hardware access is never shareable.
 *
 * @param outputs   shared output types and their limits; unmodifiable, iterates in enum order
 * @param inputs    input types that may be read or subscribed (e.g. battery)
 * @param expiresAt when the grant ends, or null for no end
 * @param paused    while true the device is not shared (it leaves the controller's list)
 */
public record DeviceGrant(Map<OutputType, OutputGrant> outputs, Set<InputType> inputs,
                          Instant expiresAt, boolean paused) {

    /** Validates and copies. */
    public DeviceGrant {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        Objects.requireNonNull(outputs, "outputs").forEach((k, v) ->
                o.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        outputs = Collections.unmodifiableMap(o);
        EnumSet<InputType> i = EnumSet.noneOf(InputType.class);
        i.addAll(Objects.requireNonNull(inputs, "inputs"));
        inputs = Collections.unmodifiableSet(i);
    }

    /** Every output type at full range, battery readable, no end. */
    public static DeviceGrant full() {
        EnumMap<OutputType, OutputGrant> all = new EnumMap<>(OutputType.class);
        for (OutputType t : OutputType.values()) {
            all.put(t, OutputGrant.FULL);
        }
        return new DeviceGrant(all, EnumSet.of(InputType.BATTERY), null, false);
    }

    /** Nothing shared yet; add with {@link #withOutput} and {@link #withInput}. */
    public static DeviceGrant none() {
        return new DeviceGrant(Map.of(), Set.of(), null, false);
    }

    /** The grant of an output type, if shared. */
    public Optional<OutputGrant> output(OutputType type) {
        return Optional.ofNullable(outputs.get(type));
    }

    /** The end of the grant, if any. */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** Whether the grant has ended at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** A copy that also shares {@code type} with {@code grant} (replacing an earlier one). */
    public DeviceGrant withOutput(OutputType type, OutputGrant grant) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        o.putAll(outputs);
        o.put(type, grant);
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /** A copy that no longer shares {@code type}. */
    public DeviceGrant withoutOutput(OutputType type) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        o.putAll(outputs);
        o.remove(type);
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /** A copy where every shared output goes at most to {@code maxLevel}. */
    public DeviceGrant withMaxLevel(double maxLevel) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        outputs.forEach((t, g) -> o.put(t, new OutputGrant(maxLevel, g.minInterval())));
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /** A copy where every shared output has this minimum command interval. */
    public DeviceGrant withMinInterval(Duration interval) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        outputs.forEach((t, g) -> o.put(t, g.withMinInterval(interval)));
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /** A copy that also allows reading {@code type}. */
    public DeviceGrant withInput(InputType type) {
        EnumSet<InputType> i = EnumSet.of(type);
        i.addAll(inputs);
        return new DeviceGrant(outputs, i, expiresAt, paused);
    }

    /** A copy with no readable inputs. */
    public DeviceGrant withoutInputs() {
        return new DeviceGrant(outputs, Set.of(), expiresAt, paused);
    }

    /** A copy ending at {@code when} (null: never). */
    public DeviceGrant withExpiry(Instant when) {
        return new DeviceGrant(outputs, inputs, when, paused);
    }

    /** A copy ending {@code after} from {@code now}. */
    public DeviceGrant expiringAfter(Duration after, Instant now) {
        return withExpiry(now.plus(after));
    }

    /** A copy paused or resumed. */
    public DeviceGrant withPaused(boolean paused) {
        return new DeviceGrant(outputs, inputs, expiresAt, paused);
    }
}
