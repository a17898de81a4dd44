package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A device that takes commands and never answers them (a stalled remote agent, a hung radio). */
final class SilentDevice implements Device {

    private final List<DeviceFeature> features;

    SilentDevice(List<DeviceFeature> features) {
        this.features = features;
    }

    @Override
    public String identifier() {
        return "silent";
    }

    @Override
    public String name() {
        return "Silent";
    }

    @Override
    public List<DeviceFeature> features() {
        return features;
    }

    @Override
    public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
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
        return new CompletableFuture<>();
    }

    @Override
    public CompletableFuture<Void> stop() {
        return CompletableFuture.completedFuture(null);
    }
}
