package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sexverse v3: {@code tx[a1 04 s (feature+1)]} with response for vibrate and rotate, the last
 * frame repeated every 100 ms of silence.
 */
final class SexverseV3 implements ProtocolHandler {

    @Override
    public Optional<Duration> keepalive() {
        return Optional.of(Duration.ofMillis(100));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, true, 0xa1, 0x04, speed, featureIndex + 1);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }
}
