package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Mizz Zee v3: 20-byte frames with response on {@code tx}, repeated every 200 ms of silence.
 * Stopped is {@code [03 12 00 ...]}; running is {@code [03 12 f3 F v F v 00]} with
 * {@code F = 00 fc 00 fe 40 01} and {@code v} the 16-bit little-endian
 * {@code (int(1023 * (0.3 + 0.7 * s/1000)) << 6) | 0x3c} (float arithmetic, speed 0-1000).
 */
final class MizzZeeV3 implements ProtocolHandler {

    private static final int[] FILL = {0x00, 0xfc, 0x00, 0xfe, 0x40, 0x01};

    @Override
    public Optional<Duration> keepaliveInterval() {
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
        float scale = (speed / 1000.0f * 0.7f + 0.3f) * 1023.0f;
        int value = ((Math.min((int) scale, 0xffff) << 6) | 60) & 0xffff;
        out[2] = (byte) 0xf3;
        for (int half = 0; half < 2; half++) {
            int at = 3 + half * 8;
            for (int i = 0; i < FILL.length; i++) {
                out[at + i] = (byte) FILL[i];
            }
            out[at + 6] = (byte) value;
            out[at + 7] = (byte) (value >> 8);
        }
        return out;
    }
}
