package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Satisfyer: the model is the big-endian u32 of the advertised manufacturer data (or, when the toy
 * advertises none, of the {@code rxblemodel} characteristic), in decimal. As in the reference
 * ({@code satisfyer.rs}), an advertised entry decides even when its payload is empty or not four
 * bytes long: the model is then {@code "0"}, which no configuration names, so the toy gets the
 * protocol's defaults ("Satisfyer Device"). Init {@code command[01]} with response.
 * Every motor's value four times in one frame on {@code tx}, without response; the last frame is
 * repeated after 3 s of silence.
 */
final class Satisfyer implements ProtocolHandler {

    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    Satisfyer(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }

    /** The model identifier (see the class comment); the factory's identification. */
    static CompletableFuture<Identification> identify(String protocol, HardwareIo io) {
        Map<Integer, byte[]> advertised = io.manufacturerData();
        if (!advertised.isEmpty()) {
            // The reference takes the first entry of a hash map; the lowest company id is as good and repeatable.
            byte[] data = advertised.get(java.util.Collections.min(advertised.keySet()));
            return CompletableFuture.completedFuture(new Identification(protocol, model(data)));
        }
        return io.read(Endpoint.RXBLEMODEL).thenApply(data -> new Identification(protocol, model(data)));
    }

    /** The decimal big-endian u32 of four bytes (0 for any other length, as the reference does). */
    static String model(byte[] data) {
        if (data.length != 4) {
            return "0";
        }
        long v = ((data[0] & 0xffL) << 24) | ((data[1] & 0xff) << 16) | ((data[2] & 0xff) << 8) | (data[3] & 0xff);
        return Long.toString(v);
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.write(Endpoint.COMMAND, Frames.bytes(0x01), true);
    }

    @Override
    public Optional<Duration> keepalive() {
        return Optional.of(Duration.ofSeconds(3));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        speeds[featureIndex] = speed;
        byte[] frame = new byte[speeds.length * 4];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) speeds[i / 4];
        }
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, frame, false));
    }
}
