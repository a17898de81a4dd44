package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Patoo: the model is the name up to its first digit ({@code PBT123} is {@code PBT}). Each command
 * writes a speed to {@code tx} and a mode to {@code txmode}, both with response: the first motor's
 * speed with mode {@code 04}; when it is stopped, the second motor's speed with mode {@code 80}, or
 * 0 with mode {@code 00} when both are stopped.
 */
final class Patoo implements ProtocolHandler {

    private static final long SPEED_GROUP = 1L << 62;
    private static final long MODE_GROUP = 1L << 61;

    private final int[] speeds = new int[2];

    @Override
    public CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        String name = io.name();
        int end = 0;
        while (end < name.length() && !Character.isDigit(name.charAt(end))) {
            end++;
        }
        return CompletableFuture.completedFuture(new Identification(protocol, name.substring(0, end)));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("Patoo has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        int value = speeds[0];
        int mode = 0x04;
        if (value == 0) {
            value = speeds[1];
            mode = value == 0 ? 0x00 : 0x80;
        }
        return List.of(
                new HardwareCommand.Write(Endpoint.TX, Frames.bytes(value), true, SPEED_GROUP),
                new HardwareCommand.Write(Endpoint.TXMODE, Frames.bytes(mode), true, MODE_GROUP));
    }
}
