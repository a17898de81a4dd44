package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.device.serial.dongle.LovenseDongleSource;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The Lovense USB dongle option of {@code serve} and {@code share} ({@code --lovense-dongle PORT})
 * and the device source it makes. Intiface Engine's {@code --use-lovense-dongle-serial} looks for
 * the dongle by its USB ids; this one is given the dongle's port.
 */
final class LovenseDongleOptions {

    @Option(names = "--lovense-dongle", paramLabel = "PORT",
            description = {"Drive the toy connected through a Lovense USB dongle (the serial one) on PORT, "
                    + "e.g. /dev/ttyUSB0: scanning has the dongle search; it holds one toy at a time."})
    String lovenseDongle;

    /**
     * The source of the dongle's toy, or empty when the option is not given.
     *
     * @throws IllegalArgumentException when the port is blank or holds control characters
     */
    Optional<LovenseDongleSource> open() {
        return lovenseDongle == null ? Optional.empty()
                : Optional.of(new LovenseDongleSource(lovenseDongle, DeviceConfiguration.bundled()));
    }

    /** Whether the option was given. */
    boolean given() {
        return lovenseDongle != null;
    }

    /** For a log line: "Lovense dongle on PORT" or "no Lovense dongle". */
    String describe() {
        return lovenseDongle == null ? "no Lovense dongle" : "Lovense dongle on " + lovenseDongle;
    }
}
