package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** Foreo: {@code tx[01 mode speed]}, with response; mode from the name (3: "smart" + "2", 1: "fofo"/"ufo", else 0). */
final class Foreo implements ProtocolHandler {
    private int mode;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        String name = io.name().toLowerCase(Locale.ROOT);
        if (name.contains("smart") && name.contains("2")) {
            mode = 3;
        } else if (name.contains("fofo") || name.contains("ufo")) {
            mode = 1;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0x01, mode, speed);
    }
}
