package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.device.hid.HidBus;
import io.github.buttplugjava.device.hid.HidDeviceSource;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The HID option of {@code serve} and {@code share} ({@code --hid}, as Intiface Engine's
 * {@code --use-hid}) and the device source it makes: the Joy-Cons attached to this machine.
 */
final class HidOptions {

    @Option(names = "--hid", description = {"Drive HID toys attached to this machine: Nintendo Joy-Con (L), (R) and the "
            + "Pro Controller (rumble). Needs read-write access to their /dev/hidraw* devices."})
    boolean hid;

    /** A bus to use instead of hid4java (tests). */
    HidBus bus;

    /**
     * The source of the HID toys, or empty when the option is not given.
     *
     * @throws BleOptions.UnusableAdapterException when hid4java's native library cannot be loaded here
     */
    Optional<HidDeviceSource> open() throws BleOptions.UnusableAdapterException {
        if (!hid) {
            return Optional.empty();
        }
        try {
            return Optional.of(bus == null ? new HidDeviceSource(DeviceConfiguration.bundled())
                    : new HidDeviceSource(bus, DeviceConfiguration.bundled()));
        } catch (BleException e) {
            throw new BleOptions.UnusableAdapterException("--hid: " + e.getMessage(), e);
        }
    }

    /** For a log line: "HID toys" or "no HID toys". */
    String describe() {
        return hid ? "HID toys (Joy-Con)" : "no HID toys";
    }
}
