package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * Utimi (the "benben lightspot" BLE protocol): five motor slots in one frame
 * {@code tx[a0 03 s0 s1 s2 s3 s4 aa]}, without response. Feature 0 (vibrate) is slot 0, feature 1
 * (oscillate: the thrusting motor) slot 1; each command sends every slot's last speed, as the
 * reference's {@code utimi.rs} does. The model is the advertised name ({@code Utimi000040} is the
 * KnotVibe ThrustMaster).
 */
final class Utimi implements ProtocolHandler {
    private final int[] speeds = new int[5];

    private List<HardwareCommand> motors(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex >= speeds.length) {
            throw ProtocolHandler.unsupported("motor " + featureIndex);
        }
        speeds[featureIndex] = speed;
        return Frames.device(Endpoint.TX, false,
                0xa0, 0x03, speeds[0], speeds[1], speeds[2], speeds[3], speeds[4], 0xaa);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return motors(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return motors(featureIndex, speed);
    }
}
