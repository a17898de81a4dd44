package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.ForwardingDevice;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.internal.LatestWins;
import io.github.buttplugjava.core.internal.OutputStops;
import io.github.buttplugjava.core.internal.Pacer;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One shared device as the agent's server sees it: the granted view of a local device that checks
 * every command against the grant again, because nothing upstream (the hub) is trusted to.
 *
 * <p>Grant intervals are enforced here, at the toy: per feature and output type at most one write
 * is in flight to the local device and one waits (latest wins); a waiting command is delivered no
 * sooner than the granted interval after the <em>completion</em> of the previous write, so the toy
 * never sees two commands closer than the interval, and a superseded caller completes with the
 * result of the command that replaced it. Stops (value 0 of a speed-like output, and
 * {@link #stop()}) always pass at once and drop what waits. A held command is checked again when
 * it is delivered (the grant may have ended meanwhile).
 *
 * <p>{@link #timingGapMs()} is the device's own gap, not the grant's interval: upstream timing
 * gates (the agent's and the hub's device managers) are per device and hold stops too, while the
 * interval here is per output type and lets stops through.
 *
 * <p>Only the name and display name are the local device's own (forwarded); everything else is
 * the granted view.
 */
final class FilteredDevice extends ForwardingDevice {

    private final String identifier;
    private volatile DeviceGrant grant;
    private final GrantedView view;
    private final Clock clock;
    private final LatestWins held;
    private volatile String disabledReason;

    FilteredDevice(Device inner, String identifier, DeviceGrant grant, GrantedView view, Clock clock, Pacer pacer) {
        super(inner);
        this.identifier = identifier;
        this.grant = grant;
        this.view = view;
        this.clock = clock;
        this.held = new LatestWins(pacer);
    }

    Device inner() {
        return delegate();
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
        held.close(new ButtplugDeviceException(name() + " is no longer shared: " + reason));
    }

    boolean disabled() {
        return disabledReason != null;
    }

    @Override
    public String identifier() {
        return identifier;
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
        OutputType type = command.type();
        int innerIndex = view.innerIndex(featureIndex);
        long key = ((long) featureIndex << 8) | type.ordinal();
        if (OutputStops.stops(command)) {
            return held.stop(key, () -> delegate().output(innerIndex, command));
        }
        OutputGrant granted = grant.outputs().get(type);
        long intervalNanos = granted == null ? 0 : granted.minInterval().toNanos();
        return held.submit(key, intervalNanos, () -> {
            String late = checkUsable();
            return late != null ? CompletableFuture.failedFuture(new ButtplugDeviceException(late))
                    : delegate().output(innerIndex, command);
        });
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
        return null;
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        String refusal = checkInput(featureIndex, type);
        return refusal != null ? CompletableFuture.failedFuture(new ButtplugDeviceException(refusal))
                : delegate().read(view.innerIndex(featureIndex), type);
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        String refusal = checkInput(featureIndex, type);
        return refusal != null ? CompletableFuture.failedFuture(new ButtplugDeviceException(refusal))
                : delegate().subscribe(view.innerIndex(featureIndex), type, listener);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        int innerIndex = view.innerIndex(featureIndex);
        if (innerIndex < 0 || view.features().get(featureIndex).input(type).isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return delegate().unsubscribe(innerIndex, type);
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
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        held.dropAll(stopped); // first, so nothing waiting is delivered after the stop
        CompletableFuture<Void> inner;
        try {
            inner = delegate().stop();
        } catch (RuntimeException e) {
            inner = CompletableFuture.failedFuture(e);
        }
        inner.whenComplete((v, e) -> {
            if (e == null) {
                stopped.complete(null);
            } else {
                stopped.completeExceptionally(e);
            }
        });
        return stopped;
    }
}
