package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Adrien Lastic: ASCII {@code MotorValue:NN;} on {@code tx}, with response. */
final class AdrienLastic implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX,
                Lovense.ascii(String.format("MotorValue:%02d;", speed)), true));
    }
}
