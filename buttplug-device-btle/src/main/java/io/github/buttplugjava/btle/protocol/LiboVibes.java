package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.ArrayList;
import java.util.List;

/** Libo Vibes: motor 0 {@code tx[s]} (and {@code txmode[00]} when stopping), motor 1 {@code txmode[s]}; without response. */
final class LiboVibes implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        List<HardwareCommand> out = new ArrayList<>(2);
        if (featureIndex == 0) {
            out.add(HardwareCommand.writeDevice(Endpoint.TX, Frames.bytes(speed), false));
            if ((speed & 0xff) == 0) {
                out.add(HardwareCommand.writeDevice(Endpoint.TXMODE, Frames.bytes(0), false));
            }
        } else if (featureIndex == 1) {
            out.add(HardwareCommand.writeDevice(Endpoint.TXMODE, Frames.bytes(speed), false));
        }
        return out;
    }
}
