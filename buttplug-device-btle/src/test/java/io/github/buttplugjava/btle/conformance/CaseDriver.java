package io.github.buttplugjava.btle.conformance;

import io.github.buttplugjava.btle.BleDeviceSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How a test case's abstract messages reach the devices: straight to the {@code Device} (the v4
 * runner of the reference at the device level), or as JSON through a real {@code ButtplugServer}
 * for a client of some spec version.
 */
interface CaseDriver extends AutoCloseable {

    /** The spec version the gated blocks are filtered for. */
    int specVersion();

    /**
     * How long the device source gathers separate commands before writing them. Zero for every
     * driver that can send a multi-feature message as one message (its outputs reach the handler
     * as one batch by design); a spec v4 client can only send one {@code OutputCmd} per feature, so
     * its separate commands are coalesced by the window, as the reference's device task does.
     */
    default Duration batchWindow() {
        return Duration.ZERO;
    }

    /** Starts the source (and whatever sits on it) and begins scanning. */
    void start(BleDeviceSource source) throws Exception;

    /** Waits for {@code count} devices and returns their names and display names, in order of addition. */
    List<AddedDevice> awaitDevices(int count, long timeoutMs) throws Exception;

    /**
     * Sends one abstract message to device {@code index} (in order of addition) and waits for it to
     * be accepted; a battery read with {@code run_async} returns its check without waiting.
     *
     * @return a pending check, or null
     */
    CompletableFuture<?> send(int index, Tagged message) throws Exception;

    @Override
    void close();

    /** A device as the client saw it added. */
    record AddedDevice(String name, String displayName) {
    }
}
