package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.config.ConfiguredFeature;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.btle.protocol.HardwareCommand;
import io.github.buttplugjava.btle.protocol.PeriodicWork;
import io.github.buttplugjava.btle.protocol.ProtocolHandler;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.FeatureOutput;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * A connected, initialised BLE device: checks commands, drops repeats, runs its protocol handler
 * (one batch per client message) and the handler's periodic work.
 */
final class BleDevice implements Device {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BleDevice.class);

    private final PeripheralHardware hardware;
    private final DeviceDefinition definition;
    private final ProtocolHandler handler;
    private final CommandBatcher batcher;
    private final List<DeviceFeature> features;
    private final Map<Integer, OutputCommand> lastOutput = new HashMap<>();
    private final PeriodicTicks ticks;

    BleDevice(PeripheralHardware hardware, DeviceDefinition definition, ProtocolHandler handler,
              Executor executor, ScheduledExecutorService scheduler, LongSupplier nanoTime, long batchWindowMs) {
        this.hardware = hardware;
        this.definition = definition;
        this.handler = handler;
        this.batcher = new CommandBatcher(hardware, executor, scheduler, nanoTime, batchWindowMs);
        this.ticks = new PeriodicTicks(scheduler, executor);
        List<DeviceFeature> list = new ArrayList<>();
        for (ConfiguredFeature f : definition.features()) {
            list.add(f.feature());
        }
        this.features = List.copyOf(list);
    }

    /**
     * Starts the handler's periodic work and its keepalive on the device layer's scheduler, ended
     * when the peripheral disconnects (or {@link #endPeriodicWork()}). A device with a keepalive is
     * stopped once first (so there is a frame to repeat); the keepalive repeats the last frame
     * whenever the device has been idle for the interval.
     */
    CompletableFuture<Void> start() {
        hardware.peripheral().onDisconnect(ticks::stop);
        for (PeriodicWork work : handler.periodicWork()) {
            ticks.every(work.interval(), () -> tick(work.tick()));
        }
        var keepalive = handler.keepalive();
        if (keepalive.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        long idleNanos = keepalive.get().toNanos();
        ticks.every(keepalive.get(), () -> tick(idle -> batcher.repeatIfIdle(idleNanos)));
        return stop();
    }

    /** One tick: its writes are made under the device's lock, as commands are, and queued behind them. */
    private void tick(PeriodicWork.Tick tick) {
        if (ticks.isStopped()) {
            return;
        }
        if (!hardware.isConnected()) {
            ticks.stop();
            return;
        }
        List<HardwareCommand> writes;
        try {
            synchronized (this) {
                writes = tick.next(Duration.ofNanos(batcher.idleNanos()));
            }
        } catch (RuntimeException e) {
            log.warn("periodic work of {} ({}) failed and ends: {}", name(), definition.protocol(), e.toString());
            ticks.stop();
            return;
        }
        if (!writes.isEmpty()) {
            batcher.submit(writes);
        }
    }

    /** Ends the periodic work (the device's source closes); idempotent. */
    void endPeriodicWork() {
        ticks.stop();
    }

    DeviceDefinition definition() {
        return definition;
    }

    PeripheralHardware hardware() {
        return hardware;
    }

    @Override
    public String identifier() {
        return hardware.address();
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public Optional<String> displayName() {
        return definition.displayName();
    }

    @Override
    public long timingGapMs() {
        return definition.messageGapMs();
    }

    @Override
    public List<DeviceFeature> features() {
        return features;
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        return outputs(List.of(new FeatureOutput(featureIndex, command)));
    }

    /**
     * Checks every output, then asks the protocol handler for each one's writes and queues them as
     * ONE batch: a later write of an overlapping group replaces an earlier one of the batch (the
     * handler keeps every motor's value), so a one-frame protocol writes one frame for the whole
     * message, whatever the timing. Outputs that repeat a feature's last value are dropped.
     */
    @Override
    public CompletableFuture<Void> outputs(List<FeatureOutput> outputs) {
        List<HardwareCommand> batch = new ArrayList<>();
        try {
            for (FeatureOutput o : outputs) {
                check(o.featureIndex(), o.command());
            }
            synchronized (this) {
                Map<Integer, OutputCommand> applied = new HashMap<>();
                for (FeatureOutput o : outputs) {
                    OutputCommand command = o.command();
                    if (command.equals(applied.getOrDefault(o.featureIndex(), lastOutput.get(o.featureIndex())))) {
                        continue;
                    }
                    OutputCommand deviceCommand = new OutputCommand(command.type(),
                            feature(o.featureIndex()).deviceValue(command.type(), command.value()), command.durationMs());
                    List<HardwareCommand> writes = handler.output(o.featureIndex(), deviceCommand);
                    for (HardwareCommand w : writes) {
                        batch.removeIf(w::overlaps);
                    }
                    batch.addAll(writes);
                    applied.put(o.featureIndex(), command);
                }
                lastOutput.putAll(applied);
            }
        } catch (ButtplugException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(
                    "protocol " + definition.protocol() + " failed a command: " + e.getMessage(), e));
        }
        return batch.isEmpty() ? CompletableFuture.completedFuture(null) : batcher.submit(batch);
    }

    private void check(int featureIndex, OutputCommand command) {
        ConfiguredFeature feature = feature(featureIndex);
        OutputLimits limits = feature.feature().output(command.type()).orElseThrow(() ->
                new ButtplugDeviceException("feature " + featureIndex + " of " + name() + " has no "
                        + command.type().wireName() + " output"));
        if (!limits.value().contains(command.value())) {
            throw new ButtplugDeviceException("value " + command.value() + " is outside the range ["
                    + limits.value().min() + "," + limits.value().max() + "] of feature " + featureIndex);
        }
        if (limits.duration() != null && !limits.duration().contains(command.durationMs())) {
            throw new ButtplugDeviceException("duration " + command.durationMs() + " ms is outside the range of feature "
                    + featureIndex);
        }
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        try {
            checkInput(featureIndex, type, InputCommandType.READ);
            return handler.readInput(hardware, featureIndex, type);
        } catch (ButtplugException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        try {
            checkInput(featureIndex, type, InputCommandType.SUBSCRIBE);
            return handler.subscribeInput(hardware, featureIndex, type, listener);
        } catch (ButtplugException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        try {
            checkInput(featureIndex, type, InputCommandType.SUBSCRIBE);
            return handler.unsubscribeInput(hardware, featureIndex, type);
        } catch (ButtplugException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Sets the first non-positional output of every feature to 0, as one batch (one frame on
     * one-frame protocols); repeats are dropped as usual.
     */
    @Override
    public CompletableFuture<Void> stop() {
        List<FeatureOutput> stops = new ArrayList<>();
        for (DeviceFeature f : features) {
            for (OutputType type : f.outputs().keySet()) {
                if (type == OutputType.POSITION || type == OutputType.HW_POSITION_WITH_DURATION) {
                    continue;
                }
                stops.add(new FeatureOutput(f.featureIndex(), OutputCommand.of(type, 0)));
                break;
            }
        }
        return outputs(stops);
    }

    /** Completes (never fails) once every command queued so far has reached the peripheral, or failed. */
    CompletableFuture<Void> drained() {
        return batcher.drained();
    }

    private ConfiguredFeature feature(int index) {
        return definition.feature(index).orElseThrow(() ->
                new ButtplugDeviceException(name() + " has no feature " + index));
    }

    private void checkInput(int featureIndex, InputType type, InputCommandType command) {
        InputLimits limits = feature(featureIndex).feature().input(type).orElseThrow(() ->
                new ButtplugDeviceException("feature " + featureIndex + " of " + name() + " has no "
                        + type.wireName() + " input"));
        if (!limits.accepts(command)) {
            throw new ButtplugDeviceException("input " + type.wireName() + " of feature " + featureIndex
                    + " does not accept " + command.wireName());
        }
    }

    @Override
    public String toString() {
        return "BleDevice[" + name() + ", " + definition.protocol() + "]";
    }
}
