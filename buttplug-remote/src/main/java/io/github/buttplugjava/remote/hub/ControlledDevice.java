package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A room device as one controller sees and drives it: only the output types its
 * {@link ControllerCeiling} allows, each level range shrunk to the ceiling's level (so a 100%
 * command reaches the toy at the ceiling's share of what the sharer granted); every output passes
 * the room's {@link RoomArbiter}, and a stop stops only the outputs whose current value this
 * controller set. Input subscriptions of several controllers share one subscription on the device
 * ({@link RoomInputs}). Commands are checked again here (type, range, expiry), whatever the session
 * checked. Thread-safe (immutable; state is in the arbiter).
 */
final class ControlledDevice implements Device {

    private final Device inner;
    private final String controller;
    private final ControllerCeiling ceiling;
    private final Supplier<ControllerCeiling> current;
    private final RoomArbiter arbiter;
    private final RoomInputs inputs;
    private final BooleanSupplier expired;
    private final List<DeviceFeature> features;

    /**
     * {@code ceiling} is the one the controller is shown (its features are shrunk to it);
     * {@code current} the one in force now, which a room owner may have changed since.
     */
    ControlledDevice(Device inner, String controller, ControllerCeiling ceiling, Supplier<ControllerCeiling> current,
                     RoomArbiter arbiter, RoomInputs inputs, BooleanSupplier expired) {
        this.current = current;
        this.inputs = inputs;
        this.inner = inner;
        this.controller = controller;
        this.ceiling = ceiling;
        this.arbiter = arbiter;
        this.expired = expired;
        this.features = SameFeatures.map(inner.features(), this::capped);
    }

    private DeviceFeature capped(DeviceFeature feature) {
        Map<OutputType, OutputLimits> outputs = new EnumMap<>(OutputType.class);
        feature.outputs().forEach((type, limits) -> {
            if (ceiling.allows(type)) {
                outputs.put(type, isLevel(type) ? new OutputLimits(cap(limits.value()), limits.duration()) : limits);
            }
        });
        // uncapped (no ceiling, or one above every level): the feature itself, not a copy per controller
        return outputs.equals(feature.outputs())
                ? feature : new DeviceFeature(feature.featureIndex(), feature.description(), outputs, feature.inputs());
    }

    private Range cap(Range range) {
        int max = range.max() > 0 ? ceiling.capSteps(range.max()) : range.max();
        int min = range.min() < 0 ? -ceiling.capSteps(-range.min()) : range.min();
        return new Range(Math.min(min, max), max);
    }

    private static boolean isLevel(OutputType type) {
        return type != OutputType.POSITION && type != OutputType.HW_POSITION_WITH_DURATION;
    }

    @Override
    public String identifier() {
        return inner.identifier();
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
        return inner.timingGapMs();
    }

    @Override
    public List<DeviceFeature> features() {
        return features;
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        return outputs(List.of(new FeatureOutput(featureIndex, command)));
    }

    @Override
    public CompletableFuture<Void> outputs(List<FeatureOutput> outputs) {
        if (expired.getAsBoolean()) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(
                    "the access of controller \"" + controller + "\" to this room has expired"));
        }
        for (FeatureOutput o : outputs) {
            Optional<Range> range = allowedRange(o);
            if (range.isEmpty()) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException("controller \"" + controller
                        + "\" may not set " + o.command().type().wireName() + " of feature " + o.featureIndex()));
            }
            if (o.command().value() < range.get().min() || o.command().value() > range.get().max()) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(o.command().type().wireName()
                        + " " + o.command().value() + " is outside " + range.get().min() + ".."
                        + range.get().max() + ", the ceiling of controller \"" + controller + "\""));
            }
        }
        ControllerCeiling now = current.get();
        if (now == ceiling || now.equals(ceiling)) {
            return arbiter.output(controller, inner, outputs);
        }
        List<FeatureOutput> rescaled = new ArrayList<>(outputs.size());
        for (FeatureOutput o : outputs) {
            if (!now.allows(o.command().type())) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException("controller \"" + controller
                        + "\" may no longer set " + o.command().type().wireName() + " (the room owner changed its ceiling)"));
            }
            rescaled.add(rescaled(o, now));
        }
        return arbiter.output(controller, inner, rescaled);
    }

    /**
     * A level command under a changed ceiling: the same share of the range the controller was
     * shown, now of the range the new ceiling allows (rounded down, so never above it).
     */
    private FeatureOutput rescaled(FeatureOutput o, ControllerCeiling now) {
        OutputType type = o.command().type();
        Optional<Range> full = inner.features().stream().filter(f -> f.featureIndex() == o.featureIndex()).findFirst()
                .flatMap(f -> f.output(type)).map(OutputLimits::value);
        int v = o.command().value();
        if (!isLevel(type) || full.isEmpty() || v == 0) {
            return o;
        }
        int top = v > 0 ? full.get().max() : -full.get().min();
        long shown = ceiling.capSteps(top);
        long allowed = now.capSteps(top);
        long scaled = shown == 0 ? 0 : Math.abs((long) v) * allowed / shown;
        int value = (int) (v > 0 ? scaled : -scaled);
        return new FeatureOutput(o.featureIndex(), new OutputCommand(type, value, o.command().durationMs()));
    }

    /** The range this controller may set for the output of {@code o}, empty when it may not set it. */
    private Optional<Range> allowedRange(FeatureOutput o) {
        for (DeviceFeature f : features) {
            if (f.featureIndex() == o.featureIndex()) {
                return f.output(o.command().type()).map(OutputLimits::value);
            }
        }
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return inner.read(featureIndex, type);
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        return inputs.subscribe(controller, inner, featureIndex, type, listener);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        return inputs.unsubscribe(controller, inner, featureIndex, type);
    }

    /** Stops the outputs whose current value this controller set; what others set keeps running. */
    @Override
    public CompletableFuture<Void> stop() {
        return arbiter.stop(controller, inner);
    }
}
