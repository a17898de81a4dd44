package io.github.buttplugjava.core.device;

/** Receives the readings of one subscribed input. Must not block. */
@FunctionalInterface
public interface InputListener {

    /**
     * A new reading.
     *
     * @param value the reading (see {@link io.github.buttplugjava.core.message.InputType} for
     *         units)
     */
    void onReading(int value);
}
