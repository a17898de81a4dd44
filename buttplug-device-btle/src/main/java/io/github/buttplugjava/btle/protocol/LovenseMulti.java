package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.util.List;

/** Lovense with three or more outputs (Lapis, Flexer fw 3, ...): every output in one {@code Mply:a:b:..;}. */
final class LovenseMulti extends LovenseMode {

    private final String model;
    private final int[] mply;

    LovenseMulti(String model, int outputs) {
        this.model = model;
        this.mply = new int[outputs];
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return multiply(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return multiply(featureIndex, Math.abs(speed));
    }

    private List<HardwareCommand> multiply(int featureIndex, int value) {
        if (featureIndex >= mply.length) {
            throw new ButtplugDeviceException("Lovense " + model + " has no output " + featureIndex);
        }
        mply[featureIndex] = value;
        StringBuilder sb = new StringBuilder("Mply");
        for (int v : mply) {
            sb.append(':').append(v);
        }
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, Lovense.ascii(sb.append(';').toString()), false));
    }
}
