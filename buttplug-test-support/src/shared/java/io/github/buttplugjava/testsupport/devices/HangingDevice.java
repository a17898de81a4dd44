package io.github.buttplugjava.testsupport.devices;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A device that takes commands and never answers them (a stalled remote agent, a hung radio), so a
 * command stays pending on every hop. Its stop answers at once.
 */
public class HangingDevice implements Device {

    /** Counted down when the first output command arrives. */
    public final CountDownLatch outputArrived = new CountDownLatch(1);

    private final String identifier;
    private final String name;
    private final List<DeviceFeature> features;
    private final boolean unsubscribeAnswers;

    /** "Slow Toy" ({@code hanging}): one vibrator of 0..20; unsubscribing answers at once. */
    public HangingDevice() {
        this("hanging", "Slow Toy",
                List.of(new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of())),
                true);
    }

    /**
     * "Silent" ({@code silent}) with the given features; unsubscribing never answers either.
     *
     * @param features what it advertises
     */
    public HangingDevice(List<DeviceFeature> features) {
        this("silent", "Silent", features, false);
    }

    private HangingDevice(String identifier, String name, List<DeviceFeature> features, boolean unsubscribeAnswers) {
        this.identifier = identifier;
        this.name = name;
        this.features = List.copyOf(Objects.requireNonNull(features, "features"));
        this.unsubscribeAnswers = unsubscribeAnswers;
    }

    @Override
    public String identifier() {
        return identifier;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DeviceFeature> features() {
        return features;
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
        outputArrived.countDown();
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Integer> read(int featureIndex, InputType type) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
        return unsubscribeAnswers ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> stop() {
        return CompletableFuture.completedFuture(null);
    }
}
