package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Hismith: reads the model from {@code rxblemodel} (hex); models other than the legacy
 * 1001/1002/1003/3001/2001/1006 are handed to {@code hismith-mini}. Frames {@code tx[aa idx s s+idx]}
 * without response: oscillate idx 04; vibrate idx 04 for motor 0, 06 for the other (0 sent as f0).
 */
final class Hismith implements ProtocolHandler {

    private static final Set<String> LEGACY = Set.of("1001", "1002", "1003", "3001", "2001", "1006");

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return io.read(Endpoint.RXBLEMODEL).thenApply(data -> {
            String model = hex(data);
            return new Identification(LEGACY.contains(model) ? "hismith" : "hismith-mini", model);
        });
    }

    static String hex(byte[] data) {
        StringBuilder sb = new StringBuilder();
        for (byte b : data) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xaa, 0x04, speed, speed + 0x04);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        int idx = featureIndex == 0 ? 0x04 : 0x06;
        int s = featureIndex != 0 && speed == 0 ? 0xf0 : speed;
        return Frames.feature(featureIndex, Endpoint.TX, false, 0xaa, idx, s, s + idx);
    }
}
