package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.InputType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Lovense toys reached through the Lovense app's LAN API ({@code lovense-connect-service}): each
 * command is one action of the app's {@code Function} command, written as ASCII to {@code tx}; the
 * transport sends it to the app for this toy. Actions: {@code Vibrate<n>:<0..20>} (motor n = feature
 * index + 1, as the reference does), {@code Rotate:<0..20>} (the speed's magnitude), {@code
 * Thrusting:<0..20>} for oscillation (the Gravity, the Solace, the Sex Machine: the configuration's
 * oscillating models) and {@code Pump:<0..3>} (the Max's air pump). Battery is read from {@code rx}: one
 * byte, the level the app last reported.
 *
 * <p>The Solace is set to stroke depth 3 when it starts ({@code Depth:3}), as the reference does
 * ({@code lovense_connect_service.rs}: "hardcoding this weird exception until we can control
 * depth"). Where the reference differs on purpose or by the API it uses, PROTOCOLS.md says so
 * (rotation direction, the Max's pump, the Sex Machine).
 */
final class LovenseConnectService implements ProtocolHandler {

    /** The stroke depth the Solace gets at start, as in the reference. */
    static final int SOLACE_DEPTH = 3;

    private final boolean solace;

    /** @param model the model identifier (the app's toy name, first letter in upper case) */
    LovenseConnectService(String model) {
        this.solace = "Solace".equals(model);
    }

    @Override
    public CompletableFuture<Void> initialize(HardwareIo io) {
        if (!solace) {
            return CompletableFuture.completedFuture(null);
        }
        return io.write(Endpoint.TX, ("Depth:" + SOLACE_DEPTH).getBytes(StandardCharsets.US_ASCII), false);
    }

    @Override
    public List<HardwareCommand> vibrate(int featureIndex, int speed) {
        return action(featureIndex, "Vibrate" + (featureIndex + 1) + ":" + speed);
    }

    @Override
    public List<HardwareCommand> rotate(int featureIndex, int speed) {
        return action(featureIndex, "Rotate:" + Math.abs(speed));
    }

    @Override
    public List<HardwareCommand> oscillate(int featureIndex, int speed) {
        return action(featureIndex, "Thrusting:" + speed);
    }

    @Override
    public List<HardwareCommand> constrict(int featureIndex, int level) {
        return action(featureIndex, "Pump:" + level);
    }

    @Override
    public CompletableFuture<Integer> readInput(HardwareIo io, int featureIndex, InputType type) {
        if (type != InputType.BATTERY) {
            return ProtocolHandler.super.readInput(io, featureIndex, type);
        }
        return io.read(Endpoint.RX).thenApply(data -> {
            if (data.length < 1) {
                throw new ButtplugDeviceException("Lovense Connect reported no battery level");
            }
            return data[0] & 0xff;
        });
    }

    private static List<HardwareCommand> action(int featureIndex, String action) {
        return List.of(HardwareCommand.write(featureIndex, Endpoint.TX, action.getBytes(StandardCharsets.US_ASCII), false));
    }
}
