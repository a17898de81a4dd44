package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Patoo: the model is the name up to its first digit. Two motors share {@code tx[s]} and
 * {@code txmode[mode]} (with response): mode 4 with motor 0's speed; when motor 0 stops, motor 1's
 * speed with mode 0x80, or mode 0 when both stop.
 */
final class Patoo implements ProtocolHandler {
    private static final long SPEED = 1L << 62;
    private static final long MODE = 1L << 61;
    private final int[] speeds = new int[2];

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        String name = io.name();
        int i = 0;
        while (i < name.length() && !(name.charAt(i) >= '0' && name.charAt(i) <= '9')) {
            i++;
        }
        return CompletableFuture.completedFuture(new Identification(protocol, name.substring(0, i)));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        int mode = 4;
        int s = speeds[0];
        if (s == 0) {
            mode = 0;
            if (speeds[1] != 0) {
                s = speeds[1];
                mode |= 0x80;
            }
        }
        return List.of(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(s), true, SPEED),
                new HardwareCommand.Write(Endpoint.TXMODE, Frames.bytes(mode), true, MODE));
    }
}
