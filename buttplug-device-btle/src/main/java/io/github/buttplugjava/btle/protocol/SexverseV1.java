package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.ConfiguredFeature;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.OutputType;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sexverse v1: every command sends the state of all motors in one frame, without response, on
 * {@code tx}: {@code [23 07 3n (80|k type speed)... xor]} for motors {@code k = 1..n} in feature
 * order, type {@code 03} vibrate, {@code 04} constrict or oscillate, {@code 06} rotate, and a final
 * byte that XORs all before it.
 */
final class SexverseV1 implements ProtocolHandler {

    /** Motor type code and last speed of each output feature, in feature order. */
    private final Map<Integer, int[]> motors = new LinkedHashMap<>();

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io, DeviceDefinition definition) {
        for (ConfiguredFeature f : definition.features()) {
            for (OutputType type : f.feature().outputs().keySet()) {
                int code = switch (type) {
                    case ROTATE -> 0x06;
                    case CONSTRICT, OSCILLATE -> 0x04;
                    default -> 0x03;
                };
                motors.putIfAbsent(f.index(), new int[] {code, 0});
            }
        }
        return CompletableFuture.completedFuture(null);
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
        return frame(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return frame(featureIndex, level);
    }

    private List<HardwareCommand> frame(int featureIndex, int speed) {
        int[] motor = motors.get(featureIndex);
        if (motor == null) {
            throw new ButtplugDeviceException("Sexverse device has no motor at feature " + featureIndex);
        }
        motor[1] = speed;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x23);
        out.write(0x07);
        out.write(motors.size() * 3);
        int k = 1;
        for (int[] m : motors.values()) {
            out.write(0x80 | k++);
            out.write(m[0]);
            out.write(m[1]);
        }
        int check = 0;
        for (byte b : out.toByteArray()) {
            check ^= b;
        }
        out.write(check);
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, out.toByteArray(), false));
    }
}
