package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Vorze SA: {@code tx[device action data]} with response; the configuration's protocol variant and
 * the name pick the device byte (Cyclone 1, UFO 2, Piston 3, UFO TW 5, Bach 6, Rocket 7, Omorfi 9).
 * Rotate {@code (clockwise<<7)|speed}; UFO TW sends both rotators {@code [5 l r]}; vibrate
 * {@code [dev 03 s]}; Omorfi {@code [9 s0 s1]}; Piston {@code [3 position speed]}.
 */
final class VorzeSa implements ProtocolHandler {

    private static final long BOTH = 1L << 62;
    private final String variant;
    private int device;
    private final int[] values = new int[2];
    private int previousPosition;

    /** @param variant the protocol variant of the device's definition (single or dual rotator, vibrator, piston) */
    VorzeSa(String variant) {
        this.variant = variant;
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        String name = io.name().toLowerCase(Locale.ROOT);
        device = switch (variant) {
            case "vorze-sa-single-rotator" -> name.contains("cycsa") ? 1 : name.contains("ufo") ? 2 : -1;
            case "vorze-sa-dual-rotator" -> 5;
            case "vorze-sa-single-vibrator" -> name.contains("bach") ? 6 : name.contains("rocket") ? 7 : -1;
            case "vorze-sa-dual-vibrator" -> name.contains("omor") ? 9 : -1;
            case "vorze-sa-piston" -> 3;
            default -> -1;
        };
        if (device < 0) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(
                    "no Vorze implementation for " + io.name() + " (variant " + variant + ")"));
        }
        return CompletableFuture.completedFuture(null);
    }

    private static int direction(int speed) {
        return (speed >= 0 ? 0x80 : 0) | Math.abs(speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        if (device == 5) {
            values[featureIndex] = speed;
            return List.of(new HardwareCommand.Write(Endpoint.TX,
                    Frames.bytes(5, direction(values[0]), direction(values[1])), true, BOTH));
        }
        if (device != 1 && device != 2) {
            throw ProtocolHandler.unsupported("Rotate");
        }
        return Frames.feature(featureIndex, Endpoint.TX, true, device, 0x01, direction(speed));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (device == 9) {
            values[featureIndex] = speed;
            return List.of(new HardwareCommand.Write(Endpoint.TX, Frames.bytes(9, values[0], values[1]), true, BOTH));
        }
        if (device != 6 && device != 7) {
            throw ProtocolHandler.unsupported("Vibrate");
        }
        return Frames.feature(featureIndex, Endpoint.TX, true, device, 0x03, speed);
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        if (device != 3) {
            throw ProtocolHandler.unsupported("HwPositionWithDuration");
        }
        int pos = position & 0xff;
        int speed = pistonSpeed(Math.abs(previousPosition - pos), durationMs);
        previousPosition = pos;
        return Frames.feature(featureIndex, Endpoint.TX, true, 3, pos, speed);
    }

    static int pistonSpeed(double distance, double duration) {
        if (distance <= 0) {
            return 100;
        }
        distance = Math.min(distance, 200);
        double speed = Math.pow((200 * duration / distance) / 6658, -1.21);
        return (int) Math.max(0, Math.min(100, speed));
    }
}
