package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.OutputType;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Svakom v4 (Barzillai, Erica, Cici+ 2, Clara): both vibrators in one frame without response on
 * {@code tx}, {@code [55 03 m 00 (any?01:00) max(s0,s1) 00]}; see {@link #sharedFrame}.
 */
final class SvakomV4 implements ProtocolHandler {

    private static final long VIBRATORS = HardwareCommand.featureGroup(0) | HardwareCommand.featureGroup(1);

    private final int[] speeds = new int[2];
    private int vibrators;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        vibrators = definition.countOutputs(OutputType.VIBRATE);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return List.of(sharedFrame(speeds, featureIndex, speed, vibrators, 0x01));
    }

    /**
     * Stores a vibrator's speed and builds the frame both share: {@code [55 03 m 00 on max 00]} where
     * {@code m} picks the motors (0 both, equal speeds or a single-vibrator toy; 1 the first; 2 the
     * second) and {@code on} is {@code onValue} unless both are stopped (then 0).
     */
    static HardwareCommand sharedFrame(int[] speeds, int featureIndex, int speed, int vibrators, int onValue) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("Svakom device has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        int a = speeds[0];
        int b = speeds[1];
        int select = vibrators == 1 || (a > 0 && b > 0) || a == b ? 0 : a > 0 ? 1 : 2;
        byte[] frame = Frames.bytes(0x55, 0x03, select, 0x00, a == 0 && b == 0 ? 0 : onValue, Math.max(a, b), 0x00);
        return new HardwareCommand.Write(Endpoint.TX, frame, false, VIBRATORS);
    }
}
