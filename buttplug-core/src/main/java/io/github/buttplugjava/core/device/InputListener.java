package io.github.buttplugjava.core.device;

/** Receives the readings of one subscribed input. Must not block. */
@FunctionalInterface
public interface InputListener {

    /** A new reading. */
    void onReading(int value);
}
