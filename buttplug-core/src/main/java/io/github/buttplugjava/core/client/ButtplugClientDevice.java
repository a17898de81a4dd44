package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * A device of a connected {@link ButtplugClient}, with one method per kind of output and input.
 *
 * <p>Levels are 0..1 and become steps as {@code ceil(steps * level)} (the spec's rounding), where
 * steps is the top of the feature's advertised range; float noise below 1e-9 is ignored first, so
 * 0.3 of 20 steps is 6, not 7. A level method drives every feature that
 * has the output type. Futures complete on the client's executor; they fail with
 * {@link ButtplugDeviceException} when the device lacks the output or input, the level is outside
 * 0..1, or the server refuses the command; with {@link ConnectorException} once the device is gone
 * or the client disconnected; with {@link ButtplugTimeoutException} after the deadline.
 * Thread-safe.
 */
public final class ButtplugClientDevice {

    private final ButtplugClient client;
    private final DeviceInfo info;
    private final InputSubscriptions<InputRef, IntConsumer> subscriptions = new InputSubscriptions<>();
    private volatile boolean gone;

    ButtplugClientDevice(ButtplugClient client, DeviceInfo info) {
        this.client = client;
        this.info = info;
    }

    /**
     * The server's index of this device.
     *
     * @return the device index, at least 0
     */
    public int index() {
        return info.deviceIndex();
    }

    /**
     * The device name.
     *
     * @return the name from the server's device configuration
     */
    public String name() {
        return info.deviceName();
    }

    /**
     * The user-set display name, if any.
     *
     * @return the display name, or empty when none is set
     */
    public Optional<String> displayName() {
        return info.displayNameIfSet();
    }

    /**
     * Least time between commands the server enforces, ms (0 = none).
     *
     * @return the gap in ms, at least 0
     */
    public long timingGapMs() {
        return info.timingGapMs();
    }

    /**
     * The v4 features (for raw access through {@link #output(int, OutputCommand)}).
     *
     * @return the features, sorted by feature index
     */
    public List<DeviceFeature> features() {
        return info.features();
    }

    /**
     * The full v4 description.
     *
     * @return the device as the server last listed it
     */
    public DeviceInfo info() {
        return info;
    }

    /**
     * Whether some feature has this output type.
     *
     * @param type the output type to look for
     * @return true when at least one feature has it
     */
    public boolean hasOutput(OutputType type) {
        return info.features().stream().anyMatch(f -> f.output(type).isPresent());
    }

    /**
     * Whether some feature has this input type.
     *
     * @param type the input type to look for
     * @return true when at least one feature has it
     */
    public boolean hasInput(InputType type) {
        return info.features().stream().anyMatch(f -> f.input(type).isPresent());
    }

    /**
     * Whether the device is still present on a connected client.
     *
     * @return false once the server removed the device or the client disconnected
     */
    public boolean isConnected() {
        return !gone;
    }

    /**
     * Sets every vibrator to {@code level} (0..1; 0 stops).
     *
     * @param level 0..1; 0 stops
     * @return a future completing when the server has taken every command (see the class comment
     *         for failures)
     */
    public CompletableFuture<Void> vibrate(double level) {
        return level(OutputType.VIBRATE, level);
    }

    /**
     * Sets every oscillator to {@code level} (0..1).
     *
     * @param level 0..1; 0 stops
     * @return a future completing when the server has taken every command (see the class comment
     *         for failures)
     */
    public CompletableFuture<Void> oscillate(double level) {
        return level(OutputType.OSCILLATE, level);
    }

    /**
     * Sets every constrictor to {@code level} (0..1).
     *
     * @param level 0..1; 0 releases
     * @return a future completing when the server has taken every command (see the class comment
     *         for failures)
     */
    public CompletableFuture<Void> constrict(double level) {
        return level(OutputType.CONSTRICT, level);
    }

    /**
     * Sets every rotator to {@code speed} (0..1). On a signed rotator (range below 0) the direction
     * is the sign; a rotator that turns one way only ignores {@code clockwise}.
     *
     * @param speed 0..1; 0 stops
     * @param clockwise the direction on a signed rotator
     * @return a future completing when the server has taken every command (see the class comment
     *         for failures)
     */
    public CompletableFuture<Void> rotate(double speed, boolean clockwise) {
        return forEachFeature(OutputType.ROTATE, speed, (feature, limits) -> {
            int steps = steps(limits.value(), speed);
            int value = limits.value().min() < 0 && !clockwise ? -steps : steps;
            return OutputCommand.of(OutputType.ROTATE, value);
        });
    }

    /**
     * Sets every output of {@code type} that takes a level (not positions) to {@code level} (0..1).
     *
     * @param type an output type other than {@code HwPositionWithDuration}
     * @param level 0..1
     * @return a future completing when the server has taken every command (see the class comment
     *         for failures); fails for {@code HwPositionWithDuration}
     */
    public CompletableFuture<Void> level(OutputType type, double level) {
        if (type == OutputType.HW_POSITION_WITH_DURATION) {
            return failed(new ButtplugDeviceException("HwPositionWithDuration needs a duration: use position()"));
        }
        return forEachFeature(type, level, (feature, limits) -> OutputCommand.of(type, steps(limits.value(), level)));
    }

    /**
     * Moves every positional feature to {@code position} (0..1) over {@code durationMs}
     * (HwPositionWithDuration); a feature with only {@code Position} moves there at once.
     *
     * @param position 0..1, the fraction of the feature's range
     * @param durationMs how long the move takes, in ms; ignored by a {@code Position}-only feature
     * @return a future completing when the server has taken every command (see the class comment
     *         for failures)
     */
    public CompletableFuture<Void> position(double position, long durationMs) {
        if (hasOutput(OutputType.HW_POSITION_WITH_DURATION)) {
            return forEachFeature(OutputType.HW_POSITION_WITH_DURATION, position, (feature, limits) ->
                    OutputCommand.positionWithDuration(steps(limits.value(), position), durationMs));
        }
        return level(OutputType.POSITION, position);
    }

    /**
     * Sends one raw v4 output command to one feature; the server checks it against the feature.
     *
     * @param featureIndex the feature's index within this device
     * @param command the output type, step value and duration
     * @return a future completing when the server answered Ok
     */
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        return send(new OutputCmd(1, index(), featureIndex, command)).thenApply(reply -> null);
    }

    /**
     * Reads the battery level, percent 0..100.
     *
     * @return a future completing with the battery percent
     */
    public CompletableFuture<Integer> battery() {
        return read(InputType.BATTERY);
    }

    /**
     * Reads the signal strength, dBm (negative).
     *
     * @return a future completing with the RSSI in dBm
     */
    public CompletableFuture<Integer> rssi() {
        return read(InputType.RSSI);
    }

    /**
     * Reads the first input of {@code type} once.
     *
     * @param type the input type, readable on some feature
     * @return a future completing with the reading; fails when no feature can read {@code type}
     */
    public CompletableFuture<Integer> read(InputType type) {
        return inputFeature(type, InputCommandType.READ)
                .map(feature -> read(feature, type))
                .orElseGet(() -> failed(new ButtplugDeviceException(name() + " cannot read " + type.wireName())));
    }

    /**
     * Reads one input of one feature once.
     *
     * @param featureIndex the feature's index within this device
     * @param type an input type of that feature
     * @return a future completing with the reading
     */
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return send(new InputCmd(1, index(), featureIndex, type, InputCommandType.READ)).thenApply(reply -> {
            if (reply instanceof InputReading reading) {
                return reading.value();
            }
            throw new ButtplugMessageException("Expected InputReading, got " + reply.messageName());
        });
    }

    /**
     * Subscribes to the first input of {@code type}; each reading goes to {@code listener} (and
     * to {@link ButtplugClientListener#inputReading}) on the client executor.
     *
     * @param type the input type, subscribable on some feature
     * @param listener receives each reading; replaces an earlier listener of the same input
     * @return a future completing when the server accepted the subscription; on failure the
     *         listener is dropped
     */
    public CompletableFuture<Void> subscribe(InputType type, IntConsumer listener) {
        Optional<Integer> feature = inputFeature(type, InputCommandType.SUBSCRIBE);
        if (feature.isEmpty()) {
            return failed(new ButtplugDeviceException(name() + " cannot subscribe to " + type.wireName()));
        }
        subscriptions.put(key(feature.get(), type), listener);
        return send(new InputCmd(1, index(), feature.get(), type, InputCommandType.SUBSCRIBE))
                .whenComplete((reply, error) -> {
                    if (error != null) {
                        subscriptions.remove(key(feature.get(), type));
                    }
                })
                .thenApply(reply -> null);
    }

    /**
     * Ends a subscription made with {@link #subscribe}.
     *
     * @param type the input type subscribed to
     * @return a future completing when the server ended the subscription
     */
    public CompletableFuture<Void> unsubscribe(InputType type) {
        Optional<Integer> feature = inputFeature(type, InputCommandType.SUBSCRIBE);
        if (feature.isEmpty()) {
            return failed(new ButtplugDeviceException(name() + " cannot subscribe to " + type.wireName()));
        }
        subscriptions.remove(key(feature.get(), type));
        return send(new InputCmd(1, index(), feature.get(), type, InputCommandType.UNSUBSCRIBE)).thenApply(reply -> null);
    }

    /**
     * Stops every output of this device.
     *
     * @return a future completing when the server answered Ok
     */
    public CompletableFuture<Void> stop() {
        return send(StopCmd.device(1, index())).thenApply(reply -> null);
    }

    @Override
    public String toString() {
        return "ButtplugClientDevice[" + index() + " " + name() + "]";
    }

    void deliver(InputReading reading) {
        IntConsumer listener = subscriptions.get(key(reading.featureIndex(), reading.type()));
        if (listener != null) {
            listener.accept(reading.value());
        }
    }

    void markGone() {
        gone = true;
        subscriptions.clear();
    }

    private CompletableFuture<ServerMessage> send(ClientMessage message) {
        if (gone) {
            return failed(new ConnectorException("Device " + index() + " (" + name() + ") is gone"));
        }
        return client.request(message);
    }

    private CompletableFuture<Void> forEachFeature(OutputType type, double level, CommandMaker maker) {
        if (!(level >= 0 && level <= 1)) {
            return failed(new ButtplugDeviceException("Level must be within 0..1, got " + level));
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (DeviceFeature feature : info.features()) {
            feature.output(type).ifPresent(limits ->
                    sent.add(output(feature.featureIndex(), maker.make(feature, limits))));
        }
        if (sent.isEmpty()) {
            return failed(new ButtplugDeviceException(name() + " has no " + type.wireName() + " output"));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }

    private Optional<Integer> inputFeature(InputType type, InputCommandType command) {
        for (DeviceFeature feature : info.features()) {
            Optional<InputLimits> limits = feature.input(type);
            if (limits.isPresent() && limits.get().accepts(command)) {
                return Optional.of(feature.featureIndex());
            }
        }
        return Optional.empty();
    }

    /** {@code ceil(steps * level)}, with steps the top of the range, ignoring float noise below 1e-9. */
    static int steps(Range range, double level) {
        int steps = Math.max(range.max(), 0);
        return (int) Math.min(steps, Math.ceil(steps * level - 1e-9));
    }

    private static InputRef key(int featureIndex, InputType type) {
        return new InputRef(featureIndex, type);
    }

    /** One input of one feature: the key of a subscription. */
    private record InputRef(int featureIndex, InputType type) {
    }

    private static <T> CompletableFuture<T> failed(Throwable error) {
        return CompletableFuture.failedFuture(error);
    }

    @FunctionalInterface
    private interface CommandMaker {
        OutputCommand make(DeviceFeature feature, OutputLimits limits);
    }
}
