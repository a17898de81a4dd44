package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Fleshy Thrust: {@code tx[position duration_hi duration_lo]}, without response. */
final class FleshyThrust implements ProtocolHandler {
    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        return Frames.feature(featureIndex, Endpoint.TX, false, position, (int) (durationMs >> 8), (int) durationMs);
    }
}
