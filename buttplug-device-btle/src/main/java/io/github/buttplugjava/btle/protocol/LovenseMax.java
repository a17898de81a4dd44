package io.github.buttplugjava.btle.protocol;

import java.util.List;

/** Lovense Max: {@code Vibrate:s;} and the air pump {@code Air:Level:s;}. */
final class LovenseMax extends LovenseMode {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Lovense.send(featureIndex, "Vibrate:" + speed + ";");
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return vibrate(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return Lovense.send(featureIndex, "Air:Level:" + level + ";");
    }
}
