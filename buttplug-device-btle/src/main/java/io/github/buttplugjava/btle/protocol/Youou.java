package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Youou: every device is model {@code VX001_}. Frames {@code aa 55 id 02 03 01 s on xor ff 00*7} on
 * {@code tx} without response, {@code id} a wrapping packet counter, {@code xor} of the first eight
 * bytes.
 */
final class Youou implements ProtocolHandler {
    private int packetId;

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return CompletableFuture.completedFuture(new Identification(protocol, "VX001_"));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        byte[] out = new byte[17];
        byte[] head = Frames.bytes(0xaa, 0x55, packetId++ & 0xff, 0x02, 0x03, 0x01, speed, speed > 0 ? 1 : 0);
        System.arraycopy(head, 0, out, 0, head.length);
        byte crc = 0;
        for (byte b : head) {
            crc ^= b;
        }
        out[8] = crc;
        out[9] = (byte) 0xff;
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, out, false));
    }
}
