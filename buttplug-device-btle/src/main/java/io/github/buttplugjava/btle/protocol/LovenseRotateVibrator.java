package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.ArrayList;
import java.util.List;

/** Lovense Nora: {@code Vibrate:s;}, {@code Rotate:s;}, and {@code RotateChange;} before a counter-clockwise speed. */
final class LovenseRotateVibrator extends LovenseMode {

    private static final long ROTATE_GROUP = 1L << 62;
    private static final long DIRECTION_GROUP = 1L << 61;

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return Lovense.send(featureIndex, "Vibrate:" + speed + ";");
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        List<HardwareCommand> out = new ArrayList<>(2);
        if (speed < 0) {
            out.add(new HardwareCommand.Write(Endpoint.TX, Lovense.ascii("RotateChange;"), false, DIRECTION_GROUP));
        }
        out.add(new HardwareCommand.Write(Endpoint.TX, Lovense.ascii("Rotate:" + Math.abs(speed) + ";"), false, ROTATE_GROUP));
        return out;
    }
}
