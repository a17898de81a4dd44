package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * TryFun Black Hole: {@code tx[n 02 00 03 m s c]} without response, where {@code n} is a packet
 * counter (wrapping at 256), {@code m} is {@code 0c} for oscillate and {@code 09} for vibrate, and
 * {@code c} the TryFun check byte counting the counter too.
 */
final class TryFunBlackHole implements ProtocolHandler {

    private int packet;

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return frame(featureIndex, 0x0c, speed);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, 0x09, speed);
    }

    private List<HardwareCommand> frame(int featureIndex, int motor, int speed) {
        int n = packet;
        packet = (packet + 1) & 0xff;
        return Frames.feature(featureIndex, Endpoint.TX, false, TryFun.withCheck(1, n, 0x02, 0x00, 0x03, motor, speed));
    }
}
