package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.ConfiguredFeature;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.message.OutputType;

import java.util.ArrayList;
import java.util.List;

/**
 * Sexverse v1: every output in one frame {@code tx[23 07 3n (80|i+1 kind s)... xor]}, kind 06
 * rotate, 04 constrict/oscillate, 03 otherwise; without response.
 */
final class SexverseV1 implements ProtocolHandler {
    private final List<OutputType> kinds;
    private final int[] speeds;

    /** @param kinds the output types of every feature, in order */
    SexverseV1(List<OutputType> kinds) {
        this.kinds = List.copyOf(kinds);
        this.speeds = new int[kinds.size()];
    }

    /** The handler of a definition: one slot per output of every feature. */
    static SexverseV1 forDefinition(DeviceDefinition definition) {
        List<OutputType> kinds = new ArrayList<>();
        for (ConfiguredFeature f : definition.features()) {
            kinds.addAll(f.feature().outputs().keySet());
        }
        return new SexverseV1(kinds);
    }


    private List<HardwareCommand> frame(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        byte[] data = new byte[3 + kinds.size() * 3 + 1];
        data[0] = 0x23;
        data[1] = 0x07;
        data[2] = (byte) (kinds.size() * 3);
        for (int i = 0; i < kinds.size(); i++) {
            OutputType t = kinds.get(i);
            data[3 + 3 * i] = (byte) (0x80 | (i + 1));
            data[4 + 3 * i] = (byte) (t == OutputType.ROTATE ? 0x06
                    : t == OutputType.CONSTRICT || t == OutputType.OSCILLATE ? 0x04 : 0x03);
            data[5 + 3 * i] = (byte) speeds[i];
        }
        byte crc = 0;
        for (int i = 0; i < data.length - 1; i++) {
            crc ^= data[i];
        }
        data[data.length - 1] = crc;
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, data, false));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return frame(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return frame(featureIndex, speed & 0xff);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return frame(featureIndex, level);
    }
}
