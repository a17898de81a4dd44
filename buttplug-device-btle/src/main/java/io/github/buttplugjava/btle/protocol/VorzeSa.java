package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Vorze SA family: 3-byte frames with response on {@code tx}, starting with a device byte. The
 * configuration's protocol variant picks the frame: single rotator {@code [dev 01 (cw<<7|s)]}
 * (Cyclone 01, UFO 02), dual rotator {@code [05 left right]}, single vibrator
 * {@code [dev 03 s]} (Bach 06, Rocket 07), dual vibrator {@code [09 s0 s1]}, piston
 * {@code [03 position speed]} with the speed derived from distance and duration.
 */
final class VorzeSa implements ProtocolHandler {

    private enum Variant { SINGLE_ROTATOR, DUAL_ROTATOR, SINGLE_VIBRATOR, DUAL_VIBRATOR, PISTON }

    private Variant variant;
    private int device;
    private final int[] speeds = new int[2];
    private int previousPosition;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        String name = io.name().toLowerCase(Locale.ROOT);
        String v = definition.variant().orElse("");
        switch (v) {
            case "vorze-sa-single-rotator" -> {
                variant = Variant.SINGLE_ROTATOR;
                device = name.contains("cycsa") ? 1 : name.contains("ufo") ? 2 : -1;
            }
            case "vorze-sa-dual-rotator" -> { variant = Variant.DUAL_ROTATOR; device = 5; }
            case "vorze-sa-single-vibrator" -> {
                variant = Variant.SINGLE_VIBRATOR;
                device = name.contains("bach") ? 6 : name.contains("rocket") ? 7 : -1;
            }
            case "vorze-sa-dual-vibrator" -> {
                variant = Variant.DUAL_VIBRATOR;
                device = name.contains("omor") ? 9 : -1;
            }
            case "vorze-sa-piston" -> { variant = Variant.PISTON; device = 3; }
            default -> device = -1;
        }
        if (device < 0) {
            return CompletableFuture.failedFuture(new ButtplugDeviceException(
                    "no Vorze SA implementation for device " + io.name() + " (variant '" + v + "')"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        if (variant == Variant.SINGLE_ROTATOR) {
            return Frames.feature(featureIndex, Endpoint.TX, true, device, 0x01, direction(speed));
        }
        if (variant != Variant.DUAL_ROTATOR) {
            throw ProtocolHandler.unsupported("Rotate");
        }
        speeds[motor(featureIndex)] = speed;
        return Frames.device(Endpoint.TX, true, device, direction(speeds[0]), direction(speeds[1]));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (variant == Variant.SINGLE_VIBRATOR) {
            return Frames.feature(featureIndex, Endpoint.TX, true, device, 0x03, speed);
        }
        if (variant != Variant.DUAL_VIBRATOR) {
            throw ProtocolHandler.unsupported("Vibrate");
        }
        speeds[motor(featureIndex)] = speed;
        return Frames.device(Endpoint.TX, true, device, speeds[0], speeds[1]);
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        if (variant != Variant.PISTON) {
            throw ProtocolHandler.unsupported("HwPositionWithDuration");
        }
        int speed = pistonSpeed(Math.abs(previousPosition - position), durationMs);
        previousPosition = position;
        return Frames.feature(featureIndex, Endpoint.TX, true, device, position, speed);
    }

    /** The piston speed (0-100) that covers {@code distance} (0-200) in {@code durationMs}. */
    static int pistonSpeed(double distance, double durationMs) {
        if (distance <= 0) {
            return 100;
        }
        double d = Math.min(distance, 200);
        double fullStroke = 200 * durationMs / d;
        double speed = Math.pow(fullStroke / 6658, -1.21);
        return (int) Math.max(0, Math.min(100, speed));
    }

    private static int direction(int speed) {
        return (speed >= 0 ? 0x80 : 0) | Math.abs(speed);
    }

    private static int motor(int featureIndex) {
        if (featureIndex < 0 || featureIndex > 1) {
            throw new ButtplugDeviceException("Vorze SA has no motor " + featureIndex);
        }
        return featureIndex;
    }
}
