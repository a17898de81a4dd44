package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.InputType;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Kiiroo v2.1 (and the pre-initialised variant for Onyx 2.1, Keon, Realm): vibrate
 * {@code tx[01 s]}; move {@code tx[03 00 speed position]} with the Launch speed curve; without
 * response. The initialised variant first writes {@code tx[03 00 64 19]}, {@code tx[03 00 64 00]}
 * with response. Battery: read {@code whitelist} (20 bytes), byte 5.
 */
final class KiirooV21 implements ProtocolHandler {
    private final boolean initialised;
    private int previousPosition;

    KiirooV21(boolean initialised) {
        this.initialised = initialised;
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        if (!initialised) {
            return CompletableFuture.completedFuture(null);
        }
        return io.write(Endpoint.TX, Frames.bytes(0x03, 0x00, 0x64, 0x19), true)
                .thenCompose(v -> io.write(Endpoint.TX, Frames.bytes(0x03, 0x00, 0x64, 0x00), true));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x01, speed);
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        int speed = LaunchSpeed.speedByte(previousPosition, position, durationMs);
        previousPosition = position & 0xff;
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x03, 0x00, speed, position);
    }

    @Override
    public CompletableFuture<Integer> readInput(HardwareIo io, int featureIndex, InputType type) {
        if (type != InputType.BATTERY || initialised) {
            return ProtocolHandler.super.readInput(io, featureIndex, type);
        }
        return io.read(Endpoint.WHITELIST).thenApply(data -> {
            if (data.length != 20) {
                throw new ButtplugDeviceException("Kiiroo battery data has " + data.length + " bytes, not 20");
            }
            return data[5] & 0xff;
        });
    }
}
