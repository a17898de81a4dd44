package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Pretty Love (Aogu): every name identifies as model {@code Aogu BLE}; {@code tx[00 s]} with response. */
final class PrettyLove implements ProtocolHandler {

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return CompletableFuture.completedFuture(new Identification(protocol, "Aogu BLE"));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x00, speed);
    }
}
