package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * JoyHub: motors 0-3 (vibrate, rotate, oscillate) in one frame {@code tx[a0 03 s0 s1 s2 s3 aa]};
 * constrict {@code tx[a0 0d 00 00 s ff]} (feature 4: {@code a0 07 on 00 s ff}); heat, light and
 * lube pump are on/off frames {@code a0 04|14|24 on 00 on (ff|00)}. All without response. (The
 * reference also switches the pump off after 1 s; this library does not.)
 */
final class JoyHub implements ProtocolHandler {
    private final int[] speeds = new int[4];

    private List<HardwareCommand> motors(int featureIndex, int speed) {
        if (featureIndex >= speeds.length) {
            throw ProtocolHandler.unsupported("motor " + featureIndex);
        }
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, false, 0xa0, 0x03, speeds[0], speeds[1], speeds[2], speeds[3], 0xaa);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return motors(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return motors(featureIndex, Math.abs(speed));
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return motors(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return featureIndex == 4
                ? Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x07, level == 0 ? 0 : 1, 0x00, level, 0xff)
                : Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, 0x0d, 0x00, 0x00, level, 0xff);
    }

    private static List<HardwareCommand> onOff(int featureIndex, int kind, int level) {
        return level == 0
                ? Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, kind, 0, 0, 0, 0)
                : Frames.feature(featureIndex, Endpoint.TX, false, 0xa0, kind, 1, 0, 1, 0xff);
    }

    @Override
    public List<HardwareCommand> temperature(int featureIndex, int level) {
        return onOff(featureIndex, 0x04, level);
    }

    @Override
    public List<HardwareCommand> led(int featureIndex, int level) {
        return onOff(featureIndex, 0x14, level);
    }

    @Override
    public List<HardwareCommand> spray(int featureIndex, int level) {
        return onOff(featureIndex, 0x24, level);
    }
}
