package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * ServeU: {@code tx[01 position speed]}, without response; speed from the distance per second to
 * the new position in the reference's piecewise scale (capped at {@code fa}).
 */
final class ServeU implements ProtocolHandler {
    private int lastPosition;

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        int last = lastPosition;
        int goal = position & 0xff;
        lastPosition = goal;
        double threshold = Math.ceil(Math.abs((byte) goal - (byte) last) / (durationMs / 1000.0));
        int speed;
        if (threshold <= 0.00001) {
            speed = 0;
        } else if (threshold <= 50.0) {
            speed = (int) Math.ceil(threshold / 2.0);
        } else if (threshold <= 750.0) {
            speed = (int) Math.ceil((threshold - 50.0) / 4.0) + 25;
        } else if (threshold <= 2000.0) {
            speed = (int) Math.ceil((threshold - 750.0) / 25.0) + 200;
        } else {
            speed = 0xfa;
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, 0x01, goal, speed);
    }
}
