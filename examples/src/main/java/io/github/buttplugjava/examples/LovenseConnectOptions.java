package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.lovenseconnect.LovenseConnectHost;
import io.github.buttplugjava.btle.lovenseconnect.LovenseConnectSource;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The Lovense Connect option of {@code serve} and {@code share} ({@code --lovense-connect [HOST:PORT]})
 * and the device source it makes. Intiface Engine's {@code --use-lovense-connect} finds the app
 * through Lovense's servers; this one is given the app's address, {@value #DEFAULT_HOST} (the app
 * on this machine) when the option has no value.
 */
final class LovenseConnectOptions {

    /** The app's address when the option has no value: Lovense Connect's HTTP port on this machine. */
    static final String DEFAULT_HOST = "127.0.0.1:20010";

    @Option(names = "--lovense-connect", paramLabel = "HOST:PORT", arity = "0..1", fallbackValue = DEFAULT_HOST,
            description = {"Drive the toys connected to the Lovense app (Lovense Connect, Lovense Remote) through "
                    + "its LAN API at HOST:PORT, e.g. 192.168.1.20:20010 (the app shows the address); "
                    + "without a value, " + DEFAULT_HOST + "."})
    String lovenseConnect;

    /**
     * The source of the app's toys, or empty when the option is not given.
     *
     * @throws IllegalArgumentException when the value is not HOST:PORT
     */
    Optional<LovenseConnectSource> open() {
        return lovenseConnect == null ? Optional.empty()
                : Optional.of(new LovenseConnectSource(LovenseConnectHost.parse(lovenseConnect),
                        DeviceConfiguration.bundled()));
    }

    /** Whether the option was given. */
    boolean given() {
        return lovenseConnect != null;
    }

    /** For a log line: "Lovense Connect at HOST:PORT" or "no Lovense Connect". */
    String describe() {
        return lovenseConnect == null ? "no Lovense Connect" : "Lovense Connect at " + lovenseConnect;
    }
}
