package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/** A test toy: vibrator 0..20 (feature 0), rotator -20..20 (feature 1), battery (feature 2). */
final class RecordingDevice implements Device {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final Map<Integer, Integer> levels = new ConcurrentHashMap<>();
    private final String id;

    RecordingDevice(String id) {
        this.id = id;
    }

    @Override
    public String identifier() {
        return id;
    }

    @Override
    public String name() {
        return "Test Toy";
    }

    @Override
    public List<DeviceFeature> features() {
        return List.of(
                new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()),
                new DeviceFeature(1, "Rotator", Map.of(OutputType.ROTATE, OutputLimits.of(new Range(-20, 20))), Map.of()),
                new DeviceFeature(2, "Battery", Map.of(),
                        Map.of(InputType.BATTERY, InputLimits.of(Range.upTo(100), InputCommandType.READ))));
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        if (featureIndex > 1) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException("no output " + featureIndex));
        }
        levels.put(featureIndex, command.value());
        received.add(featureIndex + ":" + command.type().wireName() + "=" + command.value());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        received.add(featureIndex + ":read " + type.wireName());
        return CompletableFuture.completedFuture(87);
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        return CompletableFuture.failedFuture(new ButtplugDeviceException("no subscriptions"));
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stop() {
        levels.replaceAll((k, v) -> 0);
        received.add("stop");
        return CompletableFuture.completedFuture(null);
    }

    /** Highest level ever seen is tracked by the caller; this is the current one. */
    int level(int feature) {
        return levels.getOrDefault(feature, 0);
    }
}
