package io.github.buttplugjava.core.device;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One device as a source offers it: index-free (the server's device manager gives indices), with
 * a name, v4 features and asynchronous commands.
 *
 * <p>Feature indices are the device's own ({@link DeviceFeature#featureIndex()}). Callers are
 * expected to have checked commands against {@link #features()}; a device still fails a command it
 * cannot carry out with {@link io.github.buttplugjava.core.ButtplugDeviceException}, and every
 * future fails with it once the device is gone. Methods may be called from any thread and never
 * block.
 */
public interface Device {

    /**
     * An identifier stable for the life of the device within its source, e.g. a BLE address.
     * It may be private (an address): do not show it to remote parties.
     */
    String identifier();

    /** The device's name, e.g. from the device configuration. */
    String name();

    /** A user-set display name, if any. */
    default Optional<String> displayName() {
        return Optional.empty();
    }

    /** Least time between commands, in ms (0 = no limit). */
    default long timingGapMs() {
        return 0;
    }

    /** The features, sorted by index. */
    List<DeviceFeature> features();

    /** Sets one output; completes when the device has taken the command. */
    CompletableFuture<Void> output(int featureIndex, OutputCommand command);

    /** Reads one input once; completes with the reading. */
    CompletableFuture<Integer> read(int featureIndex, InputType type);

    /**
     * Starts sending readings of one input to {@code listener}, which replaces any earlier
     * listener of that input. Readings arrive serially, on a thread of the device's choosing.
     */
    CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener);

    /** Ends a subscription; completes normally when there was none. */
    CompletableFuture<Void> unsubscribe(int featureIndex, InputType type);

    /** Stops every output of the device. */
    CompletableFuture<Void> stop();
}
