package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hgod: the toy needs its speed every 100 ms; a loop started at initialisation writes
 * {@code tx[55 04 00 00 00 s]} (without response) while the speed is above 0, and ends when the device
 * is gone (a failed write, or a disconnect while idle). Commands only set the speed.
 */
final class Hgod implements ProtocolHandler {
    private static final long PERIOD_MS = 100;
    private volatile int speed;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        loop(io);
        return CompletableFuture.completedFuture(null);
    }

    private void loop(HardwareIo io) {
        if (!io.isConnected()) {
            return;
        }
        int s = speed;
        CompletableFuture<Void> write = s > 0
                ? io.write(Endpoint.TX, Frames.bytes(0x55, 0x04, 0, 0, 0, s), false)
                : CompletableFuture.completedFuture(null);
        write.thenRunAsync(() -> loop(io), CompletableFuture.delayedExecutor(PERIOD_MS, TimeUnit.MILLISECONDS));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        this.speed = speed;
        return List.of();
    }
}
