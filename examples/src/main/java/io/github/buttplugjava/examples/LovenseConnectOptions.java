package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.btle.lovenseconnect.LovenseConnectHost;
import io.github.buttplugjava.btle.lovenseconnect.LovenseConnectSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * One source per Lovense app: the one given with {@code --lovense-connect} and those the
     * device configuration names (a user configuration's {@code lovense-connect-service} hosts),
     * each host once.
     *
     * @param configuration the device configuration ({@code --device-config-file},
     *        {@code --user-device-config-file})
     * @return the sources, possibly none
     * @throws IllegalArgumentException when a host is not HOST:PORT
     */
    List<LovenseConnectSource> open(DeviceConfiguration configuration) {
        List<LovenseConnectSource> out = new ArrayList<>();
        for (LovenseConnectHost host : hosts(configuration)) {
            out.add(new LovenseConnectSource(host, configuration));
        }
        return out;
    }

    /**
     * The apps to reach: {@code --lovense-connect} first, then the configured ones, each once.
     *
     * @param configuration the device configuration
     * @return the hosts, possibly none
     * @throws IllegalArgumentException when a host is not HOST:PORT
     */
    List<LovenseConnectHost> hosts(DeviceConfiguration configuration) {
        Set<LovenseConnectHost> hosts = new LinkedHashSet<>();
        if (lovenseConnect != null) {
            hosts.add(LovenseConnectHost.parse(lovenseConnect));
        }
        hosts.addAll(LovenseConnectHost.configured(configuration));
        return List.copyOf(hosts);
    }

    /**
     * For a log line, with the apps a configuration names.
     *
     * @param configuration the device configuration
     * @return e.g. "Lovense Connect at 192.168.1.20:20010" or "no Lovense Connect"
     */
    String describe(DeviceConfiguration configuration) {
        List<LovenseConnectHost> hosts = hosts(configuration);
        return hosts.isEmpty() ? "no Lovense Connect" : "Lovense Connect at "
                + String.join(", ", hosts.stream().map(h -> h.host() + ":" + h.port()).toList());
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
