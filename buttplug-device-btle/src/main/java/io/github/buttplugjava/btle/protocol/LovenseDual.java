package io.github.buttplugjava.btle.protocol;

import java.util.List;

/** Lovense with two outputs (Edge, Gravity, ...): {@code Vibrate1:s;}, {@code Vibrate2:s;} per feature. */
final class LovenseDual extends LovenseMode {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Lovense.send(featureIndex, "Vibrate" + (featureIndex + 1) + ":" + speed + ";");
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }
}
