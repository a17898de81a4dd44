package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.message.OutputType;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Mutufun Barney (Svakom): as {@link SvakomV4}, with {@code 03} instead of {@code 01} as the
 * running marker: {@code [55 03 m 00 (any?03:00) max(s0,s1) 00]}.
 */
final class SvakomBarney implements ProtocolHandler {

    private final int[] speeds = new int[2];
    private int vibrators;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        vibrators = definition.countOutputs(OutputType.VIBRATE);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return List.of(SvakomV4.sharedFrame(speeds, featureIndex, speed, vibrators, 0x03));
    }
}
