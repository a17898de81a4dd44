package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Youcups: ASCII {@code $SYS,<speed>?} without response on {@code tx}, speed 0-8. */
final class Youcups implements ProtocolHandler {

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        byte[] text = ("$SYS," + (speed & 0xff) + "?").getBytes(StandardCharsets.US_ASCII);
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, text, false));
    }
}
