package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Vibratissimo: the model is the UTF-8 text of {@code rxblemodel} (the BLE name if it is not
 * UTF-8). Each command writes {@code txmode[03 ff]}, then every motor's speed on {@code txvibrate}
 * (padded with a 0 for single-motor toys), both without response.
 */
final class Vibratissimo implements ProtocolHandler {

    private static final long MODE_GROUP = 1L << 62;
    private static final long SPEED_GROUP = 1L << 61;

    private final int[] speeds;

    /** @param vibrators how many vibrators the definition has */
    Vibratissimo(int vibrators) {
        speeds = new int[Math.max(1, vibrators)];
    }

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return io.read(Endpoint.RXBLEMODEL).thenApply(data -> new Identification(protocol, model(data, io.name())));
    }

    /** The model text, or {@code fallback} when the bytes are not UTF-8. */
    static String model(byte[] data, String fallback) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return fallback;
        }
    }


    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex >= speeds.length) {
            throw new ButtplugDeviceException("Vibratissimo has no vibrator " + featureIndex);
        }
        speeds[featureIndex] = speed;
        byte[] data = new byte[Math.max(2, speeds.length)];
        for (int i = 0; i < speeds.length; i++) {
            data[i] = (byte) speeds[i];
        }
        return List.of(
                new HardwareCommand.Write(Endpoint.TXMODE, Frames.bytes(0x03, 0xff), false, MODE_GROUP),
                new HardwareCommand.Write(Endpoint.TXVIBRATE, data, false, SPEED_GROUP));
    }
}
