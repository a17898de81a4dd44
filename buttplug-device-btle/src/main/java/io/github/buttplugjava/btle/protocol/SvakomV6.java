package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.OutputType;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Svakom v6 (Coco Pro, Echo 2, ...): without response on {@code tx}. The first two vibrators share
 * {@code [55 03 m 00 (any?01:00) max(s0,s1) 00]} ({@code m} as in {@link SvakomV5#motorSelect},
 * always 0 on single-vibrator models); a third takes {@code [55 07 00 00 (s?01:00) s 00]}.
 */
final class SvakomV6 implements ProtocolHandler {

    private static final long SHARED = HardwareCommand.featureGroup(0) | HardwareCommand.featureGroup(1);

    private final int[] speeds = new int[3];
    private int vibrators;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        vibrators = definition.countOutputs(OutputType.VIBRATE);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 2) {
            throw new ButtplugDeviceException("Svakom v6 has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        if (featureIndex == 2) {
            return Frames.feature(featureIndex, Endpoint.TX, false, 0x55, 0x07, 0x00, 0x00, speed == 0 ? 0 : 1, speed, 0x00);
        }
        int a = speeds[0];
        int b = speeds[1];
        int select = vibrators == 1 ? 0 : SvakomV5.motorSelect(a, b);
        byte[] frame = Frames.bytes(0x55, 0x03, select, 0x00, a == 0 && b == 0 ? 0 : 1, Math.max(a, b), 0x00);
        return List.of(new HardwareCommand.Write(Endpoint.TX, frame, false, SHARED));
    }
}
