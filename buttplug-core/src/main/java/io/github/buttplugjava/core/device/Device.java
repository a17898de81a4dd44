package io.github.buttplugjava.core.device;

import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
     *
     * @return the identifier, never null
     */
    String identifier();

    /**
     * The device's name, e.g. from the device configuration.
     *
     * @return the name, never null
     */
    String name();

    /**
     * A user-set display name, if any.
     *
     * @return the display name, or empty when none is set (the default)
     */
    default Optional<String> displayName() {
        return Optional.empty();
    }

    /**
     * Least time between commands, in ms (0 = no limit).
     *
     * @return the least gap in ms, at least 0; 0 by default
     */
    default long timingGapMs() {
        return 0;
    }

    /**
     * The features, sorted by index.
     *
     * @return the features, sorted by feature index, possibly empty, never null
     */
    List<DeviceFeature> features();

    /**
     * Sets one output; completes when the device has taken the command.
     *
     * @param featureIndex the feature's own index, as in {@link #features()}
     * @param command the output and value to set, within the feature's advertised limits
     * @return a future completing when the device has taken the command, or failing with a {@link
     *         io.github.buttplugjava.core.ButtplugDeviceException}
     */
    CompletableFuture<Void> output(int featureIndex, OutputCommand command);

    /**
     * Sets several outputs that one client message carries (a v3 {@code ScalarCmd} with two
     * scalars, a v1 {@code VibrateCmd} with two speeds, a stop of every feature) as ONE command: a
     * device whose protocol writes all its motors in one frame writes one frame, whatever the
     * timing. Devices that can do so override this; the default sets them one after another with
     * {@link #output(int, OutputCommand)}, each once the previous has completed, and fails with the
     * first failure (the outputs after it are then not set).
     *
     * @param outputs the outputs, at most one per feature and output type, in the message's order
     * @return completes when the device has taken every output
     */
    default CompletableFuture<Void> outputs(List<FeatureOutput> outputs) {
        if (outputs.size() == 1) {
            // the usual case (one feature): the command itself, without a chain to relay its result
            return outputOrFailure(outputs.get(0));
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (FeatureOutput o : List.copyOf(outputs)) {
            chain = chain.thenCompose(v -> outputOrFailure(o));
        }
        return chain;
    }

    /** {@link #output} of {@code o}, a runtime exception it throws as the future's failure. */
    private CompletableFuture<Void> outputOrFailure(FeatureOutput o) {
        try {
            return output(o.featureIndex(), o.command());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e instanceof CompletionException && e.getCause() != null
                    ? e.getCause() : e);
        }
    }

    /**
     * Reads one input once; completes with the reading.
     *
     * @param featureIndex the feature's own index, as in {@link #features()}
     * @param type an input type the feature has
     * @return a future completing with the reading (see {@link InputType} for units), or failing
     *         with a {@link io.github.buttplugjava.core.ButtplugDeviceException}
     */
    CompletableFuture<Integer> read(int featureIndex, InputType type);

    /**
     * Starts sending readings of one input to {@code listener}, which replaces any earlier
     * listener of that input. Readings arrive serially, on a thread of the device's choosing.
     *
     * @param featureIndex the feature's own index, as in {@link #features()}
     * @param type an input type the feature has, with the subscribe command
     * @param listener receives each reading; must not block
     * @return a future completing when the subscription is in place
     */
    CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener);

    /**
     * Ends a subscription; completes normally when there was none.
     *
     * @param featureIndex the feature's own index, as in {@link #features()}
     * @param type the subscribed input type
     * @return a future completing when the subscription has ended
     */
    CompletableFuture<Void> unsubscribe(int featureIndex, InputType type);

    /**
     * Stops every output of the device.
     *
     * @return a future completing when every output has been told to stop
     */
    CompletableFuture<Void> stop();
}
