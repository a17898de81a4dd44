package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * MizzZee v3: 20-byte frames on {@code tx} with response, repeated after 200 ms of silence. Speed
 * {@code s} (0-1000) becomes {@code v = u16((s/1000*0.7+0.3)*1023) << 6 | 60}, sent little-endian
 * twice: {@code 03 12 f3 00 fc 00 fe 40 01 v v 00 fc 00 fe 40 01 v v 00}; 0 is {@code 03 12} and zeros.
 */
final class MizzZeeV3 implements ProtocolHandler {

    @Override
    public Optional<Duration> keepalive() {
        return Optional.of(Duration.ofMillis(200));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, frame(speed), true));
    }

    static byte[] frame(int speed) {
        byte[] out = new byte[20];
        out[0] = 0x03;
        out[1] = 0x12;
        if (speed == 0) {
            return out;
        }
        float scale = ((float) speed / 1000.0f * 0.7f + 0.3f) * 1023.0f;
        int v = ((((int) scale) & 0xffff) << 6 | 60) & 0xffff;
        byte[] fill = Frames.bytes(0x00, 0xfc, 0x00, 0xfe, 0x40, 0x01);
        out[2] = (byte) 0xf3;
        System.arraycopy(fill, 0, out, 3, 6);
        out[9] = (byte) v;
        out[10] = (byte) (v >> 8);
        System.arraycopy(fill, 0, out, 11, 6);
        out[17] = (byte) v;
        out[18] = (byte) (v >> 8);
        return out;
    }
}
