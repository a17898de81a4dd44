package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Svakom Sam Neo: subscribes to {@code rx} at start. Without response on {@code tx}: vibrate
 * {@code [12 01 03 00 (s?04:00) s]} on second-generation units (those with a {@code txmode} or
 * {@code firmware} endpoint) and {@code [12 01 03 00 05 s]} on the first; suction
 * {@code [12 06 01 l]}.
 */
final class SvakomSam implements ProtocolHandler {

    private static final Logger log = LoggerFactory.getLogger(SvakomSam.class);

    private boolean secondGeneration;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        secondGeneration = io.hasEndpoint(Endpoint.TXMODE) || io.hasEndpoint(Endpoint.FIRMWARE);
        if (!io.hasEndpoint(Endpoint.TXMODE) && io.hasEndpoint(Endpoint.FIRMWARE)) {
            log.warn("Svakom Sam without speed control: it vibrates at one speed only");
        }
        return io.subscribe(Endpoint.RX);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return secondGeneration
                ? Frames.feature(featureIndex, Endpoint.TX, false, 18, 1, 3, 0, speed == 0 ? 0 : 4, speed)
                : Frames.feature(featureIndex, Endpoint.TX, false, 18, 1, 3, 0, 5, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 18, 6, 1, level);
    }
}
