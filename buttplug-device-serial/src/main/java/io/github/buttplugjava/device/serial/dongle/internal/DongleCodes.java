package io.github.buttplugjava.device.serial.dongle.internal;

/**
 * The result and status codes of the Lovense dongle's messages (facts from the reference
 * implementation, {@code buttplug_server_hwmgr_lovense_dongle}).
 */
public final class DongleCodes {

    /** The dongle has started. */
    public static final int DONGLE_INITIALIZED = 100;
    /** A command was taken. */
    public static final int COMMAND_SUCCESS = 200;
    /** A toy is being connected. */
    public static final int CONNECT_IN_PROGRESS = 201;
    /** A toy is connected (status of {@code status}). */
    public static final int CONNECT_SUCCESS = 202;
    /** The search has started. */
    public static final int SEARCH_STARTED = 205;
    /** The search has stopped. */
    public static final int SEARCH_STOPPED = 206;
    /** The dongle could not read a message. */
    public static final int MALFORMED_MESSAGE = 400;
    /** A toy could not be connected. */
    public static final int CONNECT_FAILED = 402;
    /** The toy has disconnected (status of {@code status}). */
    public static final int DEVICE_DISCONNECTED = 403;
    /** No such toy. */
    public static final int DEVICE_NOT_FOUND = 404;
    /** The search was interrupted. */
    public static final int SCANNING_INTERRUPTED = 501;

    private DongleCodes() {
    }
}
