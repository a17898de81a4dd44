package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.btle.config.ConfiguredFeature;
import io.github.buttplugjava.btle.config.DeviceDefinition;
import io.github.buttplugjava.core.message.OutputType;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sensee v2: reads {@code tx} for the device type (byte 6, default 65); every output in one frame
 * {@code 55 aa f0 02 00 len type f1 [groups] 00 00} on {@code tx}, without response, where the
 * groups are vibrate (0), thrust/oscillate (1) and suck/constrict (2), each
 * {@code kind count (n value)...}, preceded by the number of groups.
 */
final class SenseeV2 implements ProtocolHandler {
    private int deviceType = 0x65;
    private final Map<Integer, Integer> vibes = new LinkedHashMap<>();
    private final Map<Integer, Integer> thrusts = new LinkedHashMap<>();
    private final Map<Integer, Integer> sucks = new LinkedHashMap<>();

    /** The handler of a definition: its vibrate, oscillate (thrust) and constrict (suck) features. */
    static SenseeV2 forDefinition(DeviceDefinition definition) {
        SenseeV2 handler = new SenseeV2();
        for (ConfiguredFeature f : definition.features()) {
            var outputs = f.feature().outputs();
            if (outputs.containsKey(OutputType.VIBRATE)) {
                handler.vibes.put(f.index(), 0);
            }
            if (outputs.containsKey(OutputType.OSCILLATE)) {
                handler.thrusts.put(f.index(), 0);
            }
            if (outputs.containsKey(OutputType.CONSTRICT)) {
                handler.sucks.put(f.index(), 0);
            }
        }
        return handler;
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.read(Endpoint.TX).thenAccept(data -> {
            if (data.length > 6 && data[6] != 0) {
                deviceType = data[6] & 0xff;
            }
        });
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return set(vibes, featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return set(thrusts, featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return set(sucks, featureIndex, level);
    }

    private List<HardwareCommand> set(Map<Integer, Integer> group, int featureIndex, int value) {
        if (!group.containsKey(featureIndex)) {
            throw ProtocolHandler.unsupported("output on feature " + featureIndex);
        }
        group.put(featureIndex, value);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write((vibes.isEmpty() ? 0 : 1) + (thrusts.isEmpty() ? 0 : 1) + (sucks.isEmpty() ? 0 : 1));
        add(data, 0, vibes);
        add(data, 1, thrusts);
        add(data, 2, sucks);
        byte[] body = data.toByteArray();
        byte[] out = new byte[8 + body.length + 2];
        out[0] = 0x55;
        out[1] = (byte) 0xaa;
        out[2] = (byte) 0xf0;
        out[3] = 0x02;
        out[4] = 0x00;
        out[5] = (byte) (4 + body.length);
        out[6] = (byte) deviceType;
        out[7] = (byte) 0xf1;
        System.arraycopy(body, 0, out, 8, body.length);
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, out, false));
    }

    private static void add(ByteArrayOutputStream data, int kind, Map<Integer, Integer> group) {
        if (group.isEmpty()) {
            return;
        }
        data.write(kind);
        data.write(group.size());
        int n = 1;
        for (int v : group.values()) {
            data.write(n++);
            data.write(v);
        }
    }
}
