package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Youou wand: identifies every {@code VX001_*} name as model {@code VX001_}. Frames without
 * response on {@code tx}: {@code [aa 55 n 02 03 01 s on x ff 00 00 00 00 00 00 00]}, with
 * {@code n} a packet counter, {@code on} = speed > 0, and {@code x} the XOR of the 8 bytes before it.
 */
final class Youou implements ProtocolHandler {

    private int packet;

    @Override
    public CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return CompletableFuture.completedFuture(new Identification(protocol, "VX001_"));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        int[] head = {0xaa, 0x55, packet, 0x02, 0x03, 0x01, speed & 0xff, speed > 0 ? 1 : 0};
        packet = (packet + 1) & 0xff;
        int check = 0;
        for (int b : head) {
            check ^= b;
        }
        return Frames.feature(featureIndex, Endpoint.TX, false, head[0], head[1], head[2], head[3], head[4], head[5],
                head[6], head[7], check, 0xff, 0, 0, 0, 0, 0, 0, 0);
    }
}
