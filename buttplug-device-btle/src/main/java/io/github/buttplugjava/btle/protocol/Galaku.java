package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.message.InputType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Galaku: scrambled frames ({@link GalakuCipher}) on {@code tx}, without response: one motor
 * {@code 5a 00 00 01 31 s 00 00 00 00}, two {@code 5a 00 00 01 40 03 s0 s1 00 00}. The
 * {@code AC695X_1(BLE)} pump takes plain {@code aa 01 0a 03 s on 00...} (16 bytes). Battery:
 * subscribe {@code rxblebattery}, send {@code 5a 00 00 01 13 ..} (with response), first byte of the
 * reply.
 */
final class Galaku implements ProtocolHandler {
    private boolean pump;
    private final int[] speeds;

    /** @param outputs how many outputs the definition has */
    Galaku(int outputs) {
        speeds = new int[Math.max(1, outputs)];
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        pump = io.name().equals("AC695X_1(BLE)");
        return CompletableFuture.completedFuture(null);
    }

    private List<HardwareCommand> output(int featureIndex, int speed) {
        if (speeds.length == 1) {
            if (pump) {
                byte[] data = new byte[16];
                data[0] = (byte) 0xaa;
                data[1] = 1;
                data[2] = 10;
                data[3] = 3;
                data[4] = (byte) speed;
                data[5] = (byte) (speed == 0 ? 0 : 1);
                return List.of(HardwareCommand.writeDevice(Endpoint.TX, data, false));
            }
            return List.of(HardwareCommand.writeDevice(Endpoint.TX,
                    GalakuCipher.frame(90, 0, 0, 1, 49, speed, 0, 0, 0, 0), false));
        }
        if (featureIndex < speeds.length) {
            speeds[featureIndex] = speed;
        }
        return List.of(HardwareCommand.writeDevice(Endpoint.TX,
                GalakuCipher.frame(90, 0, 0, 1, 64, 3, speeds[0], speeds[1], 0, 0), false));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return output(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return output(featureIndex, speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return output(featureIndex, level);
    }

    @Override
    public CompletableFuture<Integer> readInput(HardwareIo io, int featureIndex, InputType type) {
        if (type != InputType.BATTERY) {
            return ProtocolHandler.super.readInput(io, featureIndex, type);
        }
        return io.subscribe(Endpoint.RXBLEBATTERY).thenCompose(v -> {
            CompletableFuture<byte[]> reply = io.nextNotification(Endpoint.RXBLEBATTERY, Duration.ofSeconds(2));
            return io.write(Endpoint.TX, GalakuCipher.frame(90, 0, 0, 1, 19, 0, 0, 0, 0, 0), true)
                    .thenCompose(x -> reply);
        }).thenApply(data -> data.length == 0 ? 0 : data[0] & 0xff);
    }
}
