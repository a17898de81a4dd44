package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/** Love Nuts: {@code tx[45 56 4f 4c (s|s<<4)x10 00 ff]}, without response. */
final class LoveNuts implements ProtocolHandler {
    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        byte[] out = new byte[16];
        out[0] = 0x45;
        out[1] = 0x56;
        out[2] = 0x4f;
        out[3] = 0x4c;
        for (int i = 0; i < 10; i++) {
            out[4 + i] = (byte) (speed | (speed << 4));
        }
        out[15] = (byte) 0xff;
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, out, false));
    }
}
