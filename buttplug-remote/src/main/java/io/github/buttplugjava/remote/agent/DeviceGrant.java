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

    /**
     * Validates and copies.
     *
     * @param outputs shared output types and their limits
     * @param inputs input types that may be read or subscribed
     * @param expiresAt when the grant ends, or null for no end
     * @param paused while true the device is not shared
     */
    public DeviceGrant {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        Objects.requireNonNull(outputs, "outputs").forEach((k, v) ->
                o.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
        outputs = Collections.unmodifiableMap(o);
        EnumSet<InputType> i = EnumSet.noneOf(InputType.class);
        i.addAll(Objects.requireNonNull(inputs, "inputs"));
        inputs = Collections.unmodifiableSet(i);
    }

    /**
     * Every output type at full range, battery readable, no end.
     *
     * @return a grant of everything
     */
    public static DeviceGrant full() {
        EnumMap<OutputType, OutputGrant> all = new EnumMap<>(OutputType.class);
        for (OutputType t : OutputType.values()) {
            all.put(t, OutputGrant.FULL);
        }
        return new DeviceGrant(all, EnumSet.of(InputType.BATTERY), null, false);
    }

    /**
     * Nothing shared yet; add with {@link #withOutput} and {@link #withInput}.
     *
     * @return an empty grant
     */
    public static DeviceGrant none() {
        return new DeviceGrant(Map.of(), Set.of(), null, false);
    }

    /**
     * The grant of an output type, if shared.
     *
     * @param type the output type
     * @return the grant of an output type, if shared
     */
    public Optional<OutputGrant> output(OutputType type) {
        return Optional.ofNullable(outputs.get(type));
    }

    /**
     * The end of the grant, if any.
     *
     * @return the end of the grant, if any
     */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * Whether the grant has ended at {@code now}.
     *
     * @param now the current time
     * @return whether the grant has ended at {@code now}
     */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * A copy that also shares {@code type} with {@code grant} (replacing an earlier one).
     *
     * @param type the output type
     * @param grant the grant
     * @return the copy
     */
    public DeviceGrant withOutput(OutputType type, OutputGrant grant) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        o.putAll(outputs);
        o.put(type, grant);
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /**
     * A copy that no longer shares {@code type}.
     *
     * @param type the output type
     * @return the copy
     */
    public DeviceGrant withoutOutput(OutputType type) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        o.putAll(outputs);
        o.remove(type);
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /**
     * A copy where every shared output goes at most to {@code maxLevel}.
     *
     * @param maxLevel the largest fraction of the device's range, in (0, 1]
     * @return the copy
     */
    public DeviceGrant withMaxLevel(double maxLevel) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        outputs.forEach((t, g) -> o.put(t, new OutputGrant(maxLevel, g.minInterval())));
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /**
     * A copy where every shared output has this minimum command interval.
     *
     * @param interval least time between two commands; zero for none
     * @return the copy
     */
    public DeviceGrant withMinInterval(Duration interval) {
        EnumMap<OutputType, OutputGrant> o = new EnumMap<>(OutputType.class);
        outputs.forEach((t, g) -> o.put(t, g.withMinInterval(interval)));
        return new DeviceGrant(o, inputs, expiresAt, paused);
    }

    /**
     * A copy that also allows reading {@code type}.
     *
     * @param type the input type
     * @return the copy
     */
    public DeviceGrant withInput(InputType type) {
        EnumSet<InputType> i = EnumSet.of(type);
        i.addAll(inputs);
        return new DeviceGrant(outputs, i, expiresAt, paused);
    }

    /**
     * A copy with no readable inputs.
     *
     * @return the copy
     */
    public DeviceGrant withoutInputs() {
        return new DeviceGrant(outputs, Set.of(), expiresAt, paused);
    }

    /**
     * A copy ending at {@code when} (null: never).
     *
     * @param when when the grant ends; null for never
     * @return the copy
     */
    public DeviceGrant withExpiry(Instant when) {
        return new DeviceGrant(outputs, inputs, when, paused);
    }

    /**
     * A copy ending {@code after} from {@code now}.
     *
     * @param after how long from {@code now}
     * @param now the current time
     * @return the copy
     */
    public DeviceGrant expiringAfter(Duration after, Instant now) {
        return withExpiry(now.plus(after));
    }

    /**
     * A copy paused or resumed.
     *
     * @param paused true to pause, false to resume
     * @return the copy
     */
    public DeviceGrant withPaused(boolean paused) {
        return new DeviceGrant(outputs, inputs, expiresAt, paused);
    }
}
