package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;

import java.time.Duration;
import java.util.List;

/**
 * Hgod: the toy needs its speed every 100 ms; periodic work (run by the device layer) writes
 * {@code tx[55 04 00 00 00 s]} (without response) while the speed is above 0. Commands only set the
 * speed.
 */
final class Hgod implements ProtocolHandler {
    static final Duration PERIOD = Duration.ofMillis(100);
    private int speed;

    @Override
    public List<PeriodicWork> periodicWork() {
        return List.of(new PeriodicWork(PERIOD, idle -> speed > 0
                ? List.of(HardwareCommand.writeDevice(Endpoint.TX, Frames.bytes(0x55, 0x04, 0, 0, 0, speed), false))
                : List.of()));
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        this.speed = speed;
        return List.of();
    }
}
