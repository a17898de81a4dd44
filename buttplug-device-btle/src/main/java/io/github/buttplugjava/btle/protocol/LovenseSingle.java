package io.github.buttplugjava.btle.protocol;

import java.util.List;

/** Lovense with one output: {@code Vibrate:s;} for vibration and oscillation. */
final class LovenseSingle extends LovenseMode {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Lovense.send(featureIndex, "Vibrate:" + speed + ";");
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }
}
