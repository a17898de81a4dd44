package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One device's protocol: runs the handshake and translates output commands into endpoint writes.
 * One instance per connected device, made by its {@link ProtocolFactory} from the device's
 * definition once the model is identified; it may keep state (the last value of each motor, a
 * packet counter).
 *
 * <p>Lifecycle: {@link #initialize} once, then commands, and {@link #periodicWork()} run by the
 * device layer. The device calls
 * the command methods serially (never concurrently), after it has dropped commands that repeat a
 * feature's last value. Every method that a protocol does not support fails with
 * {@link ButtplugDeviceException}. Output methods do no I/O: they return the writes to make, in
 * order (possibly none).
 */
public interface ProtocolHandler {

    /**
     * Runs the handshake. What the handler needs from the device's definition it was given when its
     * factory made it. The default does nothing.
     *
     * @param io the connected device
     * @return a future completing when the device is ready for commands
     */
    default CompletableFuture<Void> initialize(HardwareIo io) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * How long the device may go without a write before the last frame is written again, for
     * protocols whose toys stop on their own otherwise. A device with a keepalive is also stopped
     * once right after initialisation (so there is a frame to repeat). Default: none.
     *
     * @return the longest time without a write, or empty when the protocol needs no keepalive
     */
    default java.util.Optional<java.time.Duration> keepalive() {
        return java.util.Optional.empty();
    }

    /**
     * How long the device needs after {@link #initialize} before it takes commands; the device
     * layer waits it on its own scheduler before the device is reported. Default: none.
     *
     * @return the wait, {@link java.time.Duration#ZERO} for none
     */
    default java.time.Duration settleTime() {
        return java.time.Duration.ZERO;
    }

    /**
     * Work the device layer runs for this handler at fixed intervals once {@link #initialize} has
     * completed, until the device disconnects or its source closes (see {@link PeriodicWork}).
     * Handlers start no timers of their own. Default: none.
     *
     * @return the periodic work, possibly empty (the default)
     */
    default List<PeriodicWork> periodicWork() {
        return List.of();
    }

    /**
     * The writes for one output command (value already in the protocol's range). Dispatches to the
     * per-type methods below.
     *
     * @param featureIndex the feature index within the device
     * @param command the output type and value, in the protocol's range
     * @return the writes to make, in order, possibly none
     * @throws ButtplugDeviceException when the protocol cannot carry it out
     */
    default List<HardwareCommand> output(int featureIndex, OutputCommand command) {
        int v = command.value();
        return switch (command.type()) {
            case VIBRATE -> vibrate(featureIndex, v);
            case ROTATE -> rotate(featureIndex, v);
            case OSCILLATE -> oscillate(featureIndex, v);
            case CONSTRICT -> constrict(featureIndex, v);
            case SPRAY -> spray(featureIndex, v);
            case TEMPERATURE -> temperature(featureIndex, v);
            case LED -> led(featureIndex, v);
            case POSITION -> position(featureIndex, v);
            case HW_POSITION_WITH_DURATION -> positionWithDuration(featureIndex, v, command.durationMs());
        };
    }

    /**
     * Vibration speed.
     *
     * @param featureIndex the feature index within the device
     * @param speed the speed in the feature's range; 0 stops
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> vibrate(int featureIndex, int speed) {
        throw unsupported("Vibrate");
    }

    /**
     * Rotation speed; negative = counter-clockwise.
     *
     * @param featureIndex the feature index within the device
     * @param speed the speed in the feature's range; 0 stops
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> rotate(int featureIndex, int speed) {
        throw unsupported("Rotate");
    }

    /**
     * Oscillation speed.
     *
     * @param featureIndex the feature index within the device
     * @param speed the speed in the feature's range; 0 stops
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> oscillate(int featureIndex, int speed) {
        throw unsupported("Oscillate");
    }

    /**
     * Constriction level.
     *
     * @param featureIndex the feature index within the device
     * @param level the level in the feature's range; 0 releases
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> constrict(int featureIndex, int level) {
        throw unsupported("Constrict");
    }

    /**
     * Spray power.
     *
     * @param featureIndex the feature index within the device
     * @param level the power in the feature's range; 0 stops
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> spray(int featureIndex, int level) {
        throw unsupported("Spray");
    }

    /**
     * Temperature (signed).
     *
     * @param featureIndex the feature index within the device
     * @param level the level in the feature's range: positive heats, negative cools, 0 off
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> temperature(int featureIndex, int level) {
        throw unsupported("Temperature");
    }

    /**
     * Light level.
     *
     * @param featureIndex the feature index within the device
     * @param level the level in the feature's range; 0 off
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> led(int featureIndex, int level) {
        throw unsupported("Led");
    }

    /**
     * Move to a position.
     *
     * @param featureIndex the feature index within the device
     * @param position the target position in the feature's range
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> position(int featureIndex, int position) {
        throw unsupported("Position");
    }

    /**
     * Move to a position over a duration.
     *
     * @param featureIndex the feature index within the device
     * @param position the target position in the feature's range
     * @param durationMs how long the move takes, in ms
     * @return the writes to make, in order, possibly none
     */
    default List<HardwareCommand> positionWithDuration(int featureIndex, int position, long durationMs) {
        throw unsupported("HwPositionWithDuration");
    }

    /**
     * Reads an input once. The default reads the battery from the standard battery characteristic
     * (endpoint {@code rxblebattery}, one byte, percent) when the device has it.
     *
     * @param io the connected device
     * @param featureIndex the feature index within the device
     * @param type the input type
     * @return a future completing with the reading (battery percent, RSSI dBm, ...)
     */
    default CompletableFuture<Integer> readInput(HardwareIo io, int featureIndex, InputType type) {
        if (type == InputType.BATTERY && io.hasEndpoint(Endpoint.RXBLEBATTERY)) {
            return io.read(Endpoint.RXBLEBATTERY).thenApply(data -> {
                if (data.length < 1) {
                    throw new ButtplugDeviceException("battery characteristic returned no data");
                }
                return data[0] & 0xff;
            });
        }
        return CompletableFuture.failedFuture(unsupported("InputCmd Read " + type.wireName()));
    }

    /**
     * Starts sending an input's readings to {@code listener}.
     *
     * @param io the connected device
     * @param featureIndex the feature index within the device
     * @param type the input type
     * @param listener receives each reading; must not block
     * @return a future completing when readings flow
     */
    default CompletableFuture<Void> subscribeInput(HardwareIo io, int featureIndex, InputType type,
                                                   InputListener listener) {
        return CompletableFuture.failedFuture(unsupported("InputCmd Subscribe " + type.wireName()));
    }

    /**
     * Ends an input subscription.
     *
     * @param io the connected device
     * @param featureIndex the feature index within the device
     * @param type the input type
     * @return a future completing when the subscription has ended
     */
    default CompletableFuture<Void> unsubscribeInput(HardwareIo io, int featureIndex, InputType type) {
        return CompletableFuture.failedFuture(unsupported("InputCmd Unsubscribe " + type.wireName()));
    }

    /**
     * The exception for a command a protocol does not support.
     *
     * @param what the command, in the spec's words, e.g. {@code "Rotate"}
     * @return an exception saying the protocol does not support it
     */
    static ButtplugDeviceException unsupported(String what) {
        return new ButtplugDeviceException("command not supported by this protocol: " + what);
    }
}
