package io.github.buttplugjava.core.sim;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * A simulated toy: it takes every command of its {@link SimulatedToy} features, records it, keeps
 * its current output values, and logs each command at INFO
 * ({@code sim Lovense Hush: Vibrate feature 0 -> 10/20}).
 *
 * <p>Thread-safe. Commands complete at once; input readings of subscriptions are delivered on the
 * device's own serial executor. The {@code await*} methods block the calling thread up to a timeout:
 * they are meant for tests and must not be called on an I/O or library thread.
 */
public final class SimulatedDevice implements Device {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDevice.class);
    /** Most commands kept; older ones are dropped so a long-running demo server does not grow. */
    public static final int MAX_RECORDED = 10_000;

    private final String identifier;
    private final SimulatedToy toy;
    private final Executor events;
    private final Clock clock;
    private final java.util.ArrayDeque<RecordedCommand> recorded = new java.util.ArrayDeque<>();
    private final Map<Integer, Map<OutputType, OutputCommand>> current = new HashMap<>();
    private final Map<InputRef, InputListener> subscriptions = new HashMap<>();
    private int batteryLevel;
    private int rssi = -55;
    private boolean connected = true;

    /**
     * A simulated device of {@code toy} with a source-unique {@code identifier}.
     *
     * @param identifier the device's identifier, unique within its source, e.g. {@code
     *         "sim:lovense#1"}
     * @param toy what the device is: name, features, starting battery level
     */
    public SimulatedDevice(String identifier, SimulatedToy toy) {
        this(identifier, toy, Scheduling.defaults());
    }

    /**
     * A simulated device of {@code toy} with a source-unique {@code identifier}, delivering input
     * readings on {@code scheduling}'s executor and recording commands at its clock's time.
     *
     * @param identifier unique within its source
     * @param toy        what it simulates
     * @param scheduling where readings are delivered and which clock the recordings read
     */
    public SimulatedDevice(String identifier, SimulatedToy toy, Scheduling scheduling) {
        this(identifier, toy, new SerialExecutor(scheduling.executor()), scheduling.clock());
    }

    SimulatedDevice(String identifier, SimulatedToy toy, Executor events, Clock clock) {
        this.identifier = identifier;
        this.toy = toy;
        this.events = events;
        this.clock = clock;
        this.batteryLevel = toy.batteryLevel();
    }

    /**
     * The toy description.
     *
     * @return the description this device was made from
     */
    public SimulatedToy toy() {
        return toy;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public String name() {
        return toy.name();
    }

    @Override
    public long timingGapMs() {
        return toy.timingGapMs();
    }

    @Override
    public List<DeviceFeature> features() {
        return toy.features();
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        OutputLimits limits;
        synchronized (this) {
            Optional<ButtplugDeviceException> refused = refuse(featureIndex);
            if (refused.isPresent()) {
                return CompletableFuture.failedFuture(refused.get());
            }
            limits = toy.features().get(featureIndex).output(command.type()).orElse(null);
            if (limits == null || !limits.value().contains(command.value())) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(
                        "sim " + name() + ": feature " + featureIndex + " cannot take " + command));
            }
            current.computeIfAbsent(featureIndex, f -> new HashMap<>()).put(command.type(), command);
            record(new RecordedCommand(RecordedCommand.Kind.OUTPUT, featureIndex, command, null, clock.instant()));
        }
        if (command.type() == OutputType.HW_POSITION_WITH_DURATION) {
            log.info("sim {}: {} feature {} -> {}/{} over {} ms", name(), command.type().wireName(), featureIndex,
                    command.value(), limits.value().max(), command.durationMs());
        } else {
            log.info("sim {}: {} feature {} -> {}/{}", name(), command.type().wireName(), featureIndex,
                    command.value(), limits.value().max());
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        synchronized (this) {
            Optional<ButtplugDeviceException> refused = refuse(featureIndex);
            if (refused.isPresent()) {
                return CompletableFuture.failedFuture(refused.get());
            }
            if (toy.features().get(featureIndex).input(type).isEmpty()) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(
                        "sim " + name() + ": feature " + featureIndex + " has no " + type.wireName() + " input"));
            }
            record(new RecordedCommand(RecordedCommand.Kind.READ, featureIndex, null, type, clock.instant()));
            return CompletableFuture.completedFuture(valueOf(type));
        }
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        int value;
        synchronized (this) {
            Optional<ButtplugDeviceException> refused = refuse(featureIndex);
            if (refused.isPresent()) {
                return CompletableFuture.failedFuture(refused.get());
            }
            subscriptions.put(new InputRef(featureIndex, type), listener);
            record(new RecordedCommand(RecordedCommand.Kind.SUBSCRIBE, featureIndex, null, type, clock.instant()));
            value = valueOf(type);
        }
        log.info("sim {}: subscribed to {} of feature {}", name(), type.wireName(), featureIndex);
        events.execute(() -> listener.onReading(value));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        synchronized (this) {
            subscriptions.remove(new InputRef(featureIndex, type));
            record(new RecordedCommand(RecordedCommand.Kind.UNSUBSCRIBE, featureIndex, null, type, clock.instant()));
        }
        log.info("sim {}: unsubscribed from {} of feature {}", name(), type.wireName(), featureIndex);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            if (!connected) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException("sim " + name() + " is disconnected"));
            }
            current.clear();
            record(new RecordedCommand(RecordedCommand.Kind.STOP, -1, null, null, clock.instant()));
        }
        log.info("sim {}: stop", name());
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The battery level, percent.
     *
     * @return the current battery level, 0..100
     */
    public synchronized int batteryLevel() {
        return batteryLevel;
    }

    /**
     * Changes the battery level and sends it to battery subscribers.
     *
     * @param percent the new level, 0..100
     */
    public void setBatteryLevel(int percent) {
        List<InputListener> listeners = new ArrayList<>();
        synchronized (this) {
            batteryLevel = percent;
            subscriptions.forEach((key, listener) -> {
                if (key.type() == InputType.BATTERY) {
                    listeners.add(listener);
                }
            });
        }
        listeners.forEach(l -> events.execute(() -> l.onReading(percent)));
    }

    /**
     * The value an output was last set to, 0 when never set or stopped.
     *
     * @param featureIndex the feature's index
     * @param type the output type
     * @return the last value set, or 0
     */
    public synchronized int outputValue(int featureIndex, OutputType type) {
        OutputCommand command = current.getOrDefault(featureIndex, Map.of()).get(type);
        return command == null ? 0 : command.value();
    }

    /**
     * The commands received so far (the last {@value #MAX_RECORDED}), oldest first.
     *
     * @return a snapshot of the recorded commands, never null
     */
    public synchronized List<RecordedCommand> commands() {
        return List.copyOf(recorded);
    }

    /**
     * The output commands received so far for one feature, oldest first.
     *
     * @param featureIndex the feature's index
     * @return a snapshot of those commands, possibly empty
     */
    public synchronized List<OutputCommand> outputs(int featureIndex) {
        return recorded.stream()
                .filter(c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.featureIndex() == featureIndex)
                .map(RecordedCommand::output)
                .toList();
    }

    /** Forgets the recorded commands (not the current values). */
    public synchronized void clearRecording() {
        recorded.clear();
    }

    /**
     * Whether the device is connected (not unplugged).
     *
     * @return false after the toy was unplugged or its source closed
     */
    public synchronized boolean isConnected() {
        return connected;
    }

    /**
     * Waits until a recorded command (received before or during the wait) matches.
     *
     * @param matches the test a command must pass
     * @param timeout how long to wait at most
     * @return the first matching command
     * @throws IllegalStateException when none matched within {@code timeout}; the message lists what was received
     */
    public RecordedCommand await(Predicate<RecordedCommand> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                for (RecordedCommand c : recorded) {
                    if (matches.test(c)) {
                        return c;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("sim " + name() + ": no matching command within "
                            + timeout.toMillis() + " ms; last received " + recorded.stream()
                            .skip(Math.max(0, recorded.size() - 20)).toList());
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting", e);
                }
            }
        }
    }

    /**
     * Waits for an output command to {@code featureIndex} that matches; see {@link #await}.
     *
     * @param featureIndex the feature's index
     * @param matches the test the output command must pass
     * @param timeout how long to wait at most
     * @return the first matching output command
     * @throws IllegalStateException when none matched within {@code timeout}
     */
    public OutputCommand awaitOutput(int featureIndex, Predicate<OutputCommand> matches, Duration timeout) {
        return await(c -> c.kind() == RecordedCommand.Kind.OUTPUT && c.featureIndex() == featureIndex
                && matches.test(c.output()), timeout).output();
    }

    /**
     * Waits for a whole-device stop; see {@link #await}.
     *
     * @param timeout how long to wait at most
     * @return the first recorded stop
     * @throws IllegalStateException when none came within {@code timeout}
     */
    public RecordedCommand awaitStop(Duration timeout) {
        return await(c -> c.kind() == RecordedCommand.Kind.STOP, timeout);
    }

    synchronized void setConnected(boolean connected) {
        this.connected = connected;
        if (!connected) {
            subscriptions.clear();
        }
    }

    private void record(RecordedCommand command) {
        if (recorded.size() >= MAX_RECORDED) {
            recorded.removeFirst();
        }
        recorded.add(command);
        notifyAll();
    }

    private Optional<ButtplugDeviceException> refuse(int featureIndex) {
        if (!connected) {
            return Optional.of(new ButtplugDeviceException("sim " + name() + " is disconnected"));
        }
        if (featureIndex < 0 || featureIndex >= toy.features().size()) {
            return Optional.of(new ButtplugDeviceException("sim " + name() + " has no feature " + featureIndex));
        }
        return Optional.empty();
    }

    /** One input of one feature: the key of a subscription. */
    private record InputRef(int featureIndex, InputType type) {
    }

    private int valueOf(InputType type) {
        return type == InputType.RSSI ? rssi : batteryLevel;
    }
}
