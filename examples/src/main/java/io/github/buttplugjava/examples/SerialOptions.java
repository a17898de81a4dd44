package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.device.serial.SerialDeviceSource;
import io.github.buttplugjava.device.serial.SerialPortSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The serial-port option of {@code serve} ({@code --serial PORT=PROTOCOL}, repeatable) and the
 * device source it makes.
 */
final class SerialOptions {

    @Option(names = "--serial", paramLabel = "PORT=PROTOCOL",
            description = {"A serial device: its port and protocol, e.g. /dev/ttyACM0=tcode-v03 (OSR2/SR6 and other "
                    + "TCode v0.3 devices), /dev/ttyUSB0=nobra, =kizuna or =nextlevelracing. Repeatable. "
                    + "Line settings (baud rate, ...) come from the protocol's device configuration."})
    List<String> serial = new ArrayList<>();

    /**
     * The configured ports.
     *
     * @throws IllegalArgumentException when one is not PORT=PROTOCOL
     */
    List<SerialPortSpec> ports() {
        List<SerialPortSpec> out = new ArrayList<>();
        for (String s : serial) {
            out.add(SerialPortSpec.parse(s));
        }
        return out;
    }

    /**
     * The source of the configured ports, or empty when none is configured.
     *
     * @throws IllegalArgumentException when a port is malformed or listed twice, or a protocol is unknown or not serial
     */
    Optional<SerialDeviceSource> open() {
        List<SerialPortSpec> ports = ports();
        return ports.isEmpty() ? Optional.empty()
                : Optional.of(new SerialDeviceSource(ports, DeviceConfiguration.bundled()));
    }

    /**
     * The source of the ports given with {@code --serial} and of those the device configuration
     * names (a user configuration's {@code serial} entries), the ports given winning; empty when
     * there is none. Each port is opened with the configuration's line settings for it, and its
     * features come from the configuration (a TCode device's axes by the port's identifier).
     *
     * @param configuration the device configuration ({@code --device-config-file},
     *        {@code --user-device-config-file})
     * @return the source, or empty
     * @throws IllegalArgumentException when a port is malformed or listed twice, or a protocol is unknown or not serial
     */
    Optional<SerialDeviceSource> open(DeviceConfiguration configuration) {
        List<SerialPortSpec> ports = SerialDeviceSource.withConfiguredPorts(ports(), configuration);
        return ports.isEmpty() ? Optional.empty() : Optional.of(new SerialDeviceSource(ports, configuration));
    }

    /**
     * For a log line, with the ports a configuration names.
     *
     * @param configuration the device configuration
     * @return e.g. "serial devices: /dev/ttyACM0=tcode-v03" or "no serial devices"
     */
    String describe(DeviceConfiguration configuration) {
        List<SerialPortSpec> ports = SerialDeviceSource.withConfiguredPorts(ports(), configuration);
        return ports.isEmpty() ? "no serial devices" : "serial devices: "
                + String.join(", ", ports.stream().map(SerialPortSpec::toString).toList());
    }

    /** For a log line: "serial devices: /dev/ttyACM0=tcode-v03" or "no serial devices". */
    String describe() {
        return serial.isEmpty() ? "no serial devices" : "serial devices: " + String.join(", ", serial);
    }
}
