package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code hub} options for buttplug-js 0.13 peers: where 0.13 forwarders dial and what their
 * toys may do (the hub enforces it: a 0.13 forwarder enforces nothing), password-first 0.13
 * controllers, and the separator in device names.
 */
final class LegacyHubOptions {

    @Option(names = "--legacy-forwarders", paramLabel = "PATH|off", defaultValue = RemoteServer.DEFAULT_FORWARDER_PATH,
            description = {"Where buttplug-js 0.13 forwarders share in (default ${DEFAULT-VALUE}): at PATH they send the share",
                    "token first (the 0.13 sample app), at PATH/<share token> nothing. 'off' takes none."})
    String forwarderPath;

    @Option(names = "--legacy-allow", split = ",", paramLabel = "OUTPUT",
            description = "Output types a 0.13 forwarder's toys may use, comma separated. Default: vibrate.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--legacy-max", paramLabel = "OUTPUT=LEVEL",
            description = "Strongest level a 0.13 forwarder's toys get, 0..1 (repeatable). Default: 0.5.")
    Map<String, Double> max = new java.util.LinkedHashMap<>();

    @Option(names = "--legacy-min-interval", paramLabel = "DURATION",
            description = "At most one command per this long to a 0.13 forwarder's toy, latest wins. Default: 100ms.")
    String minInterval;

    @Option(names = "--password-first",
            description = {"Also take buttplug-js 0.13 sample-app controllers at /: their first frame is the control",
                    "token in plain text, answered 'ok'."})
    boolean passwordFirst;

    @Option(names = "--name-separator", paramLabel = "TEXT", defaultValue = " - ",
            description = "Between a sharer's name and a device's name in what controllers see (default '${DEFAULT-VALUE}', as 0.13).")
    String nameSeparator;

    /** The options that set the legacy grant (a cluster stores it with the room). */
    static final List<String> GRANT_OPTIONS = List.of("--legacy-allow", "--legacy-max", "--legacy-min-interval");

    /**
     * The legacy grant the options give, for a cluster room's record.
     *
     * @return the grant, or null when no legacy grant option was given
     * @throws IllegalArgumentException on a bad output type, level or duration
     */
    DeviceGrant customGrantOrNull() {
        return customGrant() ? grant() : null;
    }

    /** Whether any legacy grant option was given (else the hub's default grant, with its warning). */
    private boolean customGrant() {
        return !allow.isEmpty() || !max.isEmpty() || minInterval != null;
    }

    /**
     * Applies what was given.
     *
     * @throws IllegalArgumentException on a bad path, output type, level or duration
     */
    void applyTo(RemoteServerBuilder b) {
        if ("off".equals(forwarderPath)) {
            b.noLegacyForwarders();
        } else {
            b.legacyForwarderPath(forwarderPath);
        }
        b.passwordFirstControllers(passwordFirst).deviceNameSeparator(nameSeparator);
        if (customGrant()) {
            b.legacyGrant(grant());
        }
    }

    private DeviceGrant grant() {
        List<OutputType> types = new ArrayList<>();
        if (allow.isEmpty()) {
            types.add(OutputType.VIBRATE);
        } else {
            allow.forEach(name -> types.add(GrantOptions.outputType(name)));
        }
        Duration interval = minInterval == null ? Duration.ofMillis(100) : HumanDuration.parse(minInterval);
        DeviceGrant grant = DeviceGrant.none();
        for (OutputType t : types) {
            grant = grant.withOutput(t, new OutputGrant(0.5, interval));
        }
        for (Map.Entry<String, Double> e : max.entrySet()) {
            OutputType t = GrantOptions.outputType(e.getKey());
            if (!types.contains(t)) {
                throw new IllegalArgumentException("--legacy-max " + e.getKey() + " is for an output that --legacy-allow does not share");
            }
            grant = grant.withOutput(t, new OutputGrant(e.getValue(), interval));
        }
        return grant;
    }
}
