package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;

/**
 * We-Vibe 8-bit: {@code tx[0f 03 00 ext+3 int+3 status 00 00]} (status bit 1 = external running,
 * bit 0 = internal), all stopped {@code tx[0f 00 ..]}; with response. The chorus variant sends
 * {@code int ext} unshifted.
 */
final class WeVibe8Bit implements ProtocolHandler {
    private final boolean chorus;
    private final int[] speeds = new int[2];
    private final int vibrators;

    /**
     * @param chorus    the Chorus frame layout
     * @param vibrators how many vibrators the definition has
     */
    WeVibe8Bit(boolean chorus, int vibrators) {
        this.chorus = chorus;
        this.vibrators = vibrators;
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[Math.min(featureIndex, 1)] = speed;
        int internal = speeds[0];
        int external = speeds[vibrators > 1 ? 1 : 0];
        if (internal == 0 && external == 0) {
            return Frames.device(Endpoint.TX, true, 0x0f, 0, 0, 0, 0, 0, 0, 0);
        }
        int status = (external == 0 ? 0 : 2) | (internal == 0 ? 0 : 1);
        return chorus
                ? Frames.device(Endpoint.TX, true, 0x0f, 0x03, 0x00, internal, external, status, 0, 0)
                : Frames.device(Endpoint.TX, true, 0x0f, 0x03, 0x00, external + 3, internal + 3, status, 0, 0);
    }
}
