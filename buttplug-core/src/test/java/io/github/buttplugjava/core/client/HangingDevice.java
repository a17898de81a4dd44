package io.github.buttplugjava.core.client;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** A vibrator whose outputs never complete, so a command stays pending on every hop. */
class HangingDevice implements Device {

    final CountDownLatch outputArrived = new CountDownLatch(1);

    @Override
    public String identifier() {
        return "hanging";
    }

    @Override
    public String name() {
        return "Slow Toy";
    }

    @Override
    public List<DeviceFeature> features() {
        return List.of(new DeviceFeature(0, "Motor", Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of()));
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
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stop() {
        return CompletableFuture.completedFuture(null);
    }
}
