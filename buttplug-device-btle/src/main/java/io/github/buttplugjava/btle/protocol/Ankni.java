package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Ankni: reads {@code generic0}; a short value (6 bytes or less) asks for a handshake of twenty
 * {@code 01}s then {@code 01 02} and sixteen copies of the high byte of a CRC-16/XMODEM over
 * {@code 01 ++ value}. Vibrate {@code tx[03 12 speed 00 x17]}, with response.
 */
final class Ankni implements ProtocolHandler {

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        return io.read(Endpoint.GENERIC0).thenCompose(value -> {
            if (value.length > 6) {
                return CompletableFuture.completedFuture(null);
            }
            byte[] data = new byte[value.length + 1];
            data[0] = 0x01;
            System.arraycopy(value, 0, data, 1, value.length);
            byte check = (byte) (crc16(data) >> 8);
            byte[] first = new byte[20];
            java.util.Arrays.fill(first, (byte) 0x01);
            byte[] second = new byte[20];
            second[0] = 0x01;
            second[1] = 0x02;
            java.util.Arrays.fill(second, 2, 18, check);
            return io.write(Endpoint.TX, first, true).thenCompose(v -> io.write(Endpoint.TX, second, true));
        });
    }

    static int crc16(byte[] data) {
        int remain = 0;
        for (byte b : data) {
            remain ^= (b & 0xff) << 8;
            for (int i = 0; i < 8; i++) {
                remain = (remain & 0x8000) != 0 ? ((remain << 1) ^ 0x1021) : (remain << 1);
                remain &= 0xffff;
            }
        }
        return remain;
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        byte[] frame = new byte[20];
        frame[0] = 0x03;
        frame[1] = 0x12;
        frame[2] = (byte) speed;
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, frame, true));
    }
}
