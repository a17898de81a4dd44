package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.ConfiguredFeature;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.message.OutputType;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Hismith Mini: model from {@code rxblemodel} (hex). Frames {@code tx[cc idx s s+idx]} without
 * response: oscillate 03; vibrate 05 (03 for motor 0 of dual vibrators); constrict 03 (05 when it
 * is feature 1); rotate 03 with |s| then direction {@code cc 01 c0 c1} / {@code cc 01 c1 c2};
 * spray {@code cc 0b 01 0c}.
 */
final class HismithMini implements ProtocolHandler {
    private static final long DIRECTION_GROUP = 1L << 62;
    private final boolean dualVibe;
    private final boolean secondConstrict;

    /**
     * @param dualVibe        the model has two vibrators
     * @param secondConstrict the constrictor is the second feature
     */
    HismithMini(boolean dualVibe, boolean secondConstrict) {
        this.dualVibe = dualVibe;
        this.secondConstrict = secondConstrict;
    }

    /** The handler a definition asks for: its vibrator count and where its constrictor is. */
    static HismithMini forDefinition(DeviceDefinition definition) {
        List<ConfiguredFeature> features = definition.features();
        int position = 0;
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).feature().outputs().containsKey(OutputType.CONSTRICT)) {
                position = i;
                break;
            }
        }
        return new HismithMini(definition.countOutputs(OutputType.VIBRATE) >= 2, position == 1);
    }

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return io.read(Endpoint.RXBLEMODEL).thenApply(data -> new Identification(protocol, Hismith.hex(data)));
    }


    private static List<HardwareCommand> frame(int featureIndex, int idx, int s) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xcc, idx, s, s + idx);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return frame(featureIndex, 0x03, speed);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, !dualVibe || featureIndex == 1 ? 0x05 : 0x03, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return frame(featureIndex, secondConstrict ? 0x05 : 0x03, level);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        int s = Math.abs(speed);
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, Frames.bytes(0xcc, 0x03, s, s + 3), false),
                new HardwareCommand.Write(Endpoint.TX, speed >= 0 ? Frames.bytes(0xcc, 0x01, 0xc0, 0xc1)
                        : Frames.bytes(0xcc, 0x01, 0xc1, 0xc2), false, DIRECTION_GROUP));
    }

    @Override
    public List<HardwareCommand> spray(int featureIndex, int level) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xcc, 0x0b, 0x01, 0x0c);
    }
}
