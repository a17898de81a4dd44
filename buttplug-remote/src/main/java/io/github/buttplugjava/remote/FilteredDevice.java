package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One shared device as the agent's server sees it: the granted view of a local device that checks
 * every command against the grant again, because nothing upstream (the hub) is trusted to.
 */
final class FilteredDevice implements Device {

    /** Outputs whose value 0 means "off", so a 0 is never refused for coming too soon. */
    private static final Set<OutputType> SPEED_LIKE = EnumSet.complementOf(
            EnumSet.of(OutputType.POSITION, OutputType.HW_POSITION_WITH_DURATION));

    private final Device inner;
    private final String identifier;
    private volatile DeviceGrant grant;
    private final GrantedView view;
    private final Clock clock;
    private final ConcurrentMap<Long, Long> lastCommandNanos = new ConcurrentHashMap<>();
    private volatile String disabledReason;

    FilteredDevice(Device inner, String identifier, DeviceGrant grant, GrantedView view, Clock clock) {
        this.inner = inner;
        this.identifier = identifier;
        this.grant = grant;
        this.view = view;
        this.clock = clock;
    }

    Device inner() {
        return inner;
    }

    DeviceGrant grant() {
        return grant;
    }

    /** A new grant with the same advertisement (e.g. another expiry); applies to later commands. */
    void updateGrant(DeviceGrant grant) {
        this.grant = grant;
    }

    GrantedView view() {
        return view;
    }

    /** From now on every command but stop is refused with {@code reason}. */
    void disable(String reason) {
        disabledReason = reason;
    }

    boolean disabled() {
        return disabledReason != null;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Optional<String> displayName() {
        return inner.displayName();
    }

    @Override
    public long timingGapMs() {
        return view.timingGapMs();
    }

    @Override
    public List<DeviceFeature> features() {
        return view.features();
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        String refusal = checkUsable();
        if (refusal == null) {
            refusal = checkOutput(featureIndex, command);
        }
        if (refusal != null) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(refusal));
        }
        return inner.output(view.innerIndex(featureIndex), command);
    }

    private String checkOutput(int featureIndex, OutputCommand command) {
        int innerIndex = view.innerIndex(featureIndex);
        OutputType type = command.type();
        Optional<OutputLimits> limits = innerIndex < 0 ? Optional.empty()
                : view.features().get(featureIndex).output(type);
        if (limits.isEmpty()) {
            return "feature " + featureIndex + " of " + name() + " has no shared " + type.wireName();
        }
        if (!limits.get().value().contains(command.value())) {
            return type.wireName() + " value " + command.value() + " is outside the granted range "
                    + limits.get().value().min() + ".." + limits.get().value().max();
        }
        OutputGrant outputGrant = grant.outputs().get(type);
        if (outputGrant == null) {
            return type.wireName() + " of " + name() + " is not shared";
        }
        long intervalNanos = outputGrant.minInterval().toNanos();
        boolean stopping = command.value() == 0 && SPEED_LIKE.contains(type);
        if (intervalNanos > 0 && !stopping) {
            long key = ((long) featureIndex << 8) | type.ordinal();
            long now = System.nanoTime();
            boolean[] tooSoon = {false};
            lastCommandNanos.compute(key, (k, last) -> {
                if (last != null && now - last < intervalNanos) {
                    tooSoon[0] = true;
                    return last;
                }
                return now;
            });
            if (tooSoon[0]) {
                return "commands to " + type.wireName() + " of " + name() + " come faster than the granted "
                        + outputGrant.minInterval().toMillis() + " ms interval";
            }
        }
        return null;
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        String refusal = checkInput(featureIndex, type);
        return refusal != null ? CompletableFuture.failedFuture(new ButtplugDeviceException(refusal))
                : inner.read(view.innerIndex(featureIndex), type);
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        String refusal = checkInput(featureIndex, type);
        return refusal != null ? CompletableFuture.failedFuture(new ButtplugDeviceException(refusal))
                : inner.subscribe(view.innerIndex(featureIndex), type, listener);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        int innerIndex = view.innerIndex(featureIndex);
        if (innerIndex < 0 || view.features().get(featureIndex).input(type).isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return inner.unsubscribe(innerIndex, type);
    }

    private String checkInput(int featureIndex, InputType type) {
        String refusal = checkUsable();
        if (refusal != null) {
            return refusal;
        }
        int innerIndex = view.innerIndex(featureIndex);
        if (innerIndex < 0 || view.features().get(featureIndex).input(type).isEmpty()) {
            return "feature " + featureIndex + " of " + name() + " has no shared " + type.wireName() + " input";
        }
        return null;
    }

    private String checkUsable() {
        String reason = disabledReason;
        if (reason != null) {
            return name() + " is no longer shared: " + reason;
        }
        if (grant.expiredAt(clock.instant())) {
            return "the grant for " + name() + " has expired";
        }
        return null;
    }

    /** Stopping is always allowed, shared or not: it can only make the device safer. */
    @Override
    public CompletableFuture<Void> stop() {
        return inner.stop();
    }
}
