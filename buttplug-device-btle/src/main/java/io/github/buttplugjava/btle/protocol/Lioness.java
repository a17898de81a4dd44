package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lioness: subscribe {@code rx}, then {@code tx[01 aa aa bb cc 10]} with response (fails when the
 * toy is not paired with the OS, PIN 6496); vibrate {@code tx[02 aa bb cc cc s]} without response.
 */
final class Lioness implements ProtocolHandler {
    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.subscribe(Endpoint.RX)
                .thenCompose(v -> io.write(Endpoint.TX, Frames.bytes(0x01, 0xaa, 0xaa, 0xbb, 0xcc, 0x10), true))
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new ButtplugDeviceException(
                        "Lioness may need pairing with the OS (PIN 6496 or 006496)", e)));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x02, 0xaa, 0xbb, 0xcc, 0xcc, speed);
    }
}
