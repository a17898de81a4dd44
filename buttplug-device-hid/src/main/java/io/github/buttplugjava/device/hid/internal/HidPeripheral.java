package io.github.buttplugjava.device.hid.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.config.BtleSpecifier;
import io.github.buttplugjava.btle.internal.PortPeripheral;
import io.github.buttplugjava.btle.internal.PseudoService;
import io.github.buttplugjava.device.hid.HidPort;

import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

/**
 * An open HID device as a peripheral with one pseudo-service: a write to {@code tx} is an output
 * report (first byte the report id), written by one writer thread from a bounded queue; input
 * reports read by one reader thread are {@code rx} notifications. The UUIDs are names inside this
 * library only.
 *
 * <p>The device is lost when a read or a write reports it gone: queued writes fail with a
 * {@link BleException}, later ones fail at once, and the disconnect listeners run.
 * {@link #disconnect()} does the same on purpose. A full queue fails the new write
 * ({@link PortPeripheral}).
 */
public final class HidPeripheral extends PortPeripheral {

    /** The pseudo-service of a HID device. */
    public static final UUID SERVICE = UUID.fromString("68696464-0000-4000-8000-000000000000");
    /** The characteristic that writes output reports. */
    public static final UUID TX = UUID.fromString("68696464-0000-4000-8000-000000000001");
    /** The characteristic whose notifications are input reports. */
    public static final UUID RX = UUID.fromString("68696464-0000-4000-8000-000000000002");
    /** The most reports waiting for the writer thread. */
    public static final int MAX_QUEUED_WRITES = 16;
    /** The largest report written. */
    public static final int MAX_REPORT = 1024;
    /** How long one read waits, so the reader notices a close. */
    static final int READ_TIMEOUT_MS = 100;

    private static final PseudoService LAYOUT = new PseudoService(SERVICE, TX, RX);
    private static final BtleSpecifier SPECIFIER = LAYOUT.specifier();

    private final HidPort port;

    private HidPeripheral(String address, String name, HidPort port) {
        super(address, name, "HID device " + name, LAYOUT, 1, MAX_REPORT, MAX_QUEUED_WRITES,
                MAX_QUEUED_WRITES * MAX_REPORT, MAX_REPORT);
        this.port = port;
    }

    /**
     * Starts the reader and writer threads over an open device.
     *
     * @param address the device's address (its serial number)
     * @param name the device's product name
     * @param port the open device; closed by this peripheral
     * @param threads makes the two threads
     * @return the connected peripheral
     */
    public static HidPeripheral start(String address, String name, HidPort port, ThreadFactory threads) {
        HidPeripheral p = new HidPeripheral(Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(name, "name"), Objects.requireNonNull(port, "port"));
        p.startThreads(threads);
        return p;
    }

    /**
     * The endpoint layout for {@link io.github.buttplugjava.btle.HandlerDevice#open}.
     *
     * @return {@code tx} and {@code rx} on the pseudo-service
     */
    public static BtleSpecifier specifier() {
        return SPECIFIER;
    }

    @Override
    protected int readPort(byte[] buffer) {
        return port.read(buffer, READ_TIMEOUT_MS);
    }

    @Override
    protected void writePort(byte[] data) throws IOException {
        if (port.write(data) < 0) {
            throw new IOException("a write failed");
        }
    }

    @Override
    protected void closePort() {
        port.close();
    }
}
