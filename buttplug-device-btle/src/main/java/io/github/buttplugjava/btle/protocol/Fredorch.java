package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * Fredorch: Modbus-style frames with a CRC-16/MODBUS suffix (low byte first) on {@code tx},
 * without response. Init: subscribe {@code rx}, wait up to 500 ms for a wake-up notification, then
 * five programming frames, each answered on {@code rx} within 500 ms. Moves
 * {@code 01 10 00 6b 00 05 0a 00 v 00 v 00 p 00 p 00 01} with {@code p = position*10} and the speed
 * {@code v} looked up from distance and duration; oscillate sweeps 0..225 at speed {@code s}.
 */
final class Fredorch implements ProtocolHandler {

    private static final Duration REPLY = Duration.ofMillis(500);
    private static final int[][] INIT = {
        {0x01, 0x06, 0x00, 0x64, 0x00, 0x01},
        {0x01, 0x06, 0x00, 0x69, 0x00, 0x00},
        {0x01, 0x10, 0x00, 0x6b, 0x00, 0x05, 0x0a, 0x00, 0x05, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01},
        {0x01, 0x06, 0x00, 0x69, 0x00, 0x01},
        {0x01, 0x06, 0x00, 0x6a, 0x00, 0x01},
    };
    private static final int[][] SPEED = {
        {1000, 800, 400, 235, 200, 172, 155, 92, 60, 45, 38, 34, 32, 28, 27, 26, 25, 24, 23, 22},
        {1500, 1000, 800, 680, 600, 515, 425, 265, 165, 115, 80, 70, 50, 48, 45, 35, 34, 33, 32, 30},
        {2500, 2310, 1135, 925, 792, 695, 565, 380, 218, 155, 105, 82, 70, 68, 65, 60, 48, 45, 43, 40},
        {3000, 2800, 1500, 1155, 965, 810, 690, 465, 260, 195, 140, 110, 85, 75, 74, 73, 70, 65, 60, 55},
        {3400, 3232, 2305, 1380, 1200, 1165, 972, 565, 328, 235, 162, 132, 98, 78, 75, 74, 73, 72, 71, 70},
        {3500, 3350, 2500, 1640, 1250, 1210, 1010, 645, 385, 275, 175, 160, 115, 95, 91, 90, 85, 80, 77, 75},
        {3600, 3472, 2980, 2060, 1560, 1275, 1132, 738, 430, 310, 230, 170, 128, 122, 110, 108, 105, 103, 101, 100},
        {3800, 3500, 3055, 2105, 1740, 1370, 1290, 830, 490, 355, 235, 195, 150, 140, 135, 132, 130, 125, 120, 119},
        {3900, 3518, 3190, 2315, 2045, 1510, 1442, 1045, 552, 392, 280, 225, 172, 145, 140, 138, 135, 134, 132, 130},
        {6000, 5755, 3240, 2530, 2135, 1605, 1500, 1200, 595, 425, 285, 245, 175, 170, 160, 155, 150, 145, 142, 140},
        {6428, 5872, 3335, 2780, 2270, 1782, 1590, 1310, 648, 470, 315, 255, 182, 180, 175, 172, 170, 162, 160, 155},
        {6730, 5950, 3490, 2995, 2395, 1890, 1650, 1350, 700, 500, 350, 290, 220, 190, 185, 180, 175, 170, 165, 160},
        {6962, 6122, 3880, 3205, 2465, 1900, 1700, 1400, 835, 545, 375, 310, 228, 195, 190, 185, 182, 181, 180, 175},
        {7945, 6365, 4130, 3470, 2505, 1910, 1755, 1510, 855, 580, 400, 330, 235, 210, 205, 200, 195, 190, 185, 180},
        {8048, 7068, 4442, 3708, 2668, 1930, 1800, 1520, 878, 618, 428, 365, 260, 255, 250, 240, 230, 220, 210, 200},
    };
    private int previousPosition;

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        NotificationQueue rx = new NotificationQueue(io, Endpoint.RX);
        return io.subscribe(Endpoint.RX)
                .thenCompose(v -> rx.next(REPLY).handle((data, e) -> null))
                .thenCompose(v -> program(io, rx, 0))
                .whenComplete((v, e) -> rx.close());
    }

    private CompletableFuture<Void> program(HardwareIo io, NotificationQueue rx, int step) {
        if (step == INIT.length) {
            return CompletableFuture.completedFuture(null);
        }
        return io.write(Endpoint.TX, withCrc(INIT[step]), false)
                .thenCompose(v -> rx.next(REPLY))
                .handle((data, e) -> {
                    if (e != null) {
                        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        throw new ButtplugDeviceException(c instanceof TimeoutException
                                ? "Fredorch did not answer programming step " + (step + 1) : c.getMessage(), c);
                    }
                    return data;
                })
                .thenCompose(data -> program(io, rx, step + 1));
    }

    static byte[] withCrc(int... data) {
        int crc = 0xffff;
        byte[] out = new byte[data.length + 2];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) data[i];
            crc ^= data[i] & 0xff;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
            }
        }
        out[data.length] = (byte) crc;
        out[data.length + 1] = (byte) (crc >>> 8);
        return out;
    }

    static int speed(int distance, long duration) {
        distance = Math.min(distance, 15);
        if (distance == 0) {
            return 0;
        }
        int speed = 1;
        while (speed < 20) {
            if (SPEED[distance - 1][speed - 1] < duration) {
                return speed;
            }
            speed++;
        }
        return speed;
    }

    @Override
    public List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        int speed = speed(Math.abs(previousPosition - position), durationMs);
        int pos = (position * 10) & 0xff;
        previousPosition = position & 0xff;
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, withCrc(0x01, 0x10, 0x00, 0x6b, 0x00, 0x05, 0x0a, 0x00,
                speed, 0x00, speed, 0x00, pos, 0x00, pos, 0x00, 0x01), false));
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        int max = speed == 0 ? 0 : 15 * 15;
        return List.of(HardwareCommand.writeDevice(Endpoint.TX, withCrc(0x01, 0x10, 0x00, 0x6b, 0x00, 0x05, 0x0a, 0x00,
                speed, 0x00, speed, 0x00, 0, 0x00, max, 0x00, 0x01), false));
    }
}
