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
 * Sistalk MonsterPub / Tracy's Dog: the model is the UTF-8 text of {@code rxblemodel} without NULs
 * ({@code Unknown} when it cannot be read). Devices with {@code rx} authenticate: the 16 bytes read
 * from {@code rx} are a key number and 15 bytes, XORed with that key and written back to {@code rx}
 * with response. Every motor's speed goes in one frame: on {@code txvibrate}; else on {@code tx}
 * (on {@code txmode} with response when all are stopped); else on {@code generic0} after a
 * {@code 03} byte. Writes other than to {@code txmode} are without response.
 */
final class MonsterPub implements ProtocolHandler {

    private static final int[][] KEYS = {
            {0x32, 0x49, 0x50, 0x4f, 0x32, 0x49, 0x50, 0x4f, 0x32, 0x49, 0x50, 0x4f, 0x32, 0x49, 0x50},
            {0x4c, 0x53, 0x42, 0x42, 0x4c, 0x53, 0x42, 0x42, 0x4c, 0x53, 0x42, 0x42, 0x4c, 0x53, 0x42},
            {0x53, 0x49, 0x53, 0x36, 0x53, 0x49, 0x53, 0x36, 0x53, 0x49, 0x53, 0x36, 0x53, 0x49, 0x53},
            {0x54, 0x41, 0x4c, 0x4b, 0x54, 0x41, 0x4c, 0x4b, 0x54, 0x41, 0x4c, 0x4b, 0x54, 0x41, 0x4c},
    };

    private Endpoint tx = Endpoint.TXVIBRATE;
    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    MonsterPub(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        return io.read(Endpoint.RXBLEMODEL).handle((data, error) -> {
            if (error != null) {
                return new Identification(protocol, "Unknown");
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data)).toString();
                return new Identification(protocol, text.replace("\0", ""));
            } catch (CharacterCodingException e) {
                throw new ButtplugDeviceException("MonsterPub model name is not UTF-8");
            }
        });
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        tx = io.hasEndpoint(Endpoint.TXVIBRATE) ? Endpoint.TXVIBRATE
                : io.hasEndpoint(Endpoint.TX) ? Endpoint.TX : Endpoint.GENERIC0;
        if (!io.hasEndpoint(Endpoint.RX)) {
            return CompletableFuture.completedFuture(null);
        }
        return io.read(Endpoint.RX).thenCompose(challenge -> io.write(Endpoint.RX, authentication(challenge), true));
    }

    /** The answer to an authentication challenge: bytes 1-15 XOR the key that byte 0 names. */
    static byte[] authentication(byte[] challenge) {
        if (challenge.length < 16 || (challenge[0] & 0xff) >= KEYS.length) {
            throw new ButtplugDeviceException("MonsterPub sent an authentication challenge that cannot be answered: "
                    + challenge.length + " bytes, key " + (challenge.length == 0 ? "-" : challenge[0] & 0xff));
        }
        int[] key = KEYS[challenge[0] & 0xff];
        byte[] out = new byte[15];
        for (int i = 0; i < 15; i++) {
            out[i] = (byte) (challenge[i + 1] ^ key[i]);
        }
        return out;
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return frame(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return frame(featureIndex, speed);
    }

    private List<HardwareCommand> frame(int featureIndex, int speed) {
        if (featureIndex < 0 || featureIndex >= speeds.length) {
            throw new ButtplugDeviceException("MonsterPub has no motor " + featureIndex);
        }
        speeds[featureIndex] = speed;
        boolean prefix = tx == Endpoint.GENERIC0;
        byte[] data = new byte[speeds.length + (prefix ? 1 : 0)];
        boolean stopped = true;
        int at = 0;
        if (prefix) {
            data[at++] = 3;
        }
        for (int s : speeds) {
            data[at++] = (byte) s;
            stopped &= s == 0;
        }
        Endpoint target = tx == Endpoint.TX && stopped ? Endpoint.TXMODE : tx;
        return List.of(HardwareCommand.writeDevice(target, data, target == Endpoint.TXMODE));
    }
}
