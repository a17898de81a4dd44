package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.OutputGrant;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code share} options that make up a grant: what is shared and how much. */
final class GrantOptions {

    @Option(names = "--allow", split = ",", paramLabel = "OUTPUT",
            description = "Output types to share, comma separated (vibrate, rotate, oscillate, constrict, position, ...). Default: all.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--max", paramLabel = "OUTPUT=LEVEL",
            description = "Strongest level of an output, 0..1, e.g. --max vibrate=0.5 (repeatable). Default: 1.")
    Map<String, Double> max = new java.util.LinkedHashMap<>();

    @Option(names = "--min-interval", paramLabel = "DURATION",
            description = "Refuse commands that come faster than this, e.g. 100ms. Default: none.")
    String minInterval;

    @Option(names = "--expire", paramLabel = "DURATION",
            description = "Stop sharing after this long, e.g. 30m. Default: never.")
    String expire;

    @Option(names = "--battery", description = "Let the controller read the battery level.")
    boolean battery;

    /**
     * The grant these options describe.
     *
     * @throws IllegalArgumentException on an unknown output type, a level outside (0, 1] or a bad duration
     */
    DeviceGrant toGrant(Instant now) {
        List<OutputType> types = new ArrayList<>();
        if (allow.isEmpty()) {
            types.addAll(List.of(OutputType.values()));
        } else {
            for (String name : allow) {
                types.add(outputType(name));
            }
        }
        Duration interval = minInterval == null ? Duration.ZERO : HumanDuration.parse(minInterval);
        DeviceGrant grant = DeviceGrant.none();
        for (OutputType t : types) {
            grant = grant.withOutput(t, new OutputGrant(1.0, interval));
        }
        for (Map.Entry<String, Double> e : max.entrySet()) {
            OutputType t = outputType(e.getKey());
            double level = e.getValue();
            if (!(level > 0 && level <= 1)) {
                throw new IllegalArgumentException("--max " + e.getKey() + "=" + e.getValue()
                        + ": the level must be more than 0 and at most 1 (1 = full strength)");
            }
            if (!types.contains(t)) {
                throw new IllegalArgumentException("--max " + e.getKey() + " is for an output that --allow does not share");
            }
            grant = grant.withOutput(t, new OutputGrant(e.getValue(), interval));
            if (t == OutputType.POSITION) {
                grant = grant.withOutput(OutputType.HW_POSITION_WITH_DURATION, new OutputGrant(e.getValue(), interval));
            }
        }
        if (battery) {
            grant = grant.withInput(InputType.BATTERY);
        }
        if (expire != null) {
            grant = grant.expiringAfter(HumanDuration.parse(expire), now);
        }
        return grant;
    }

    static OutputType outputType(String name) {
        return OutputType.fromWireName(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                "unknown output '" + name + "'; use one of vibrate, rotate, oscillate, constrict, spray, temperature, led, position"));
    }

    /** One line saying what is shared, for people; an expiry in local time and as a duration from now. */
    static String describe(DeviceGrant grant) {
        return describe(grant, Instant.now(), java.time.ZoneId.systemDefault());
    }

    /** One line saying what is shared, for people, as seen at {@code now} in {@code zone}. */
    static String describe(DeviceGrant grant, Instant now, java.time.ZoneId zone) {
        boolean everything = grant.outputs().size() == OutputType.values().length;
        List<String> parts = new ArrayList<>();
        grant.outputs().forEach((t, g) -> {
            if (everything && g.maxLevel() >= 1.0 && g.minInterval().isZero()) {
                return;
            }
            StringBuilder b = new StringBuilder(t.wireName().toLowerCase(java.util.Locale.ROOT));
            if (g.maxLevel() < 1.0) {
                b.append(" up to ").append(Math.round(g.maxLevel() * 100)).append(" %");
            }
            if (!g.minInterval().isZero()) {
                b.append(" (at most one command per ").append(g.minInterval().toMillis()).append(" ms)");
            }
            parts.add(b.toString());
        });
        String outputs = everything ? "every output" + (parts.isEmpty() ? "" : ", " + String.join(", ", parts))
                : String.join(", ", parts);
        StringBuilder b = new StringBuilder(outputs);
        b.append(grant.inputs().contains(InputType.BATTERY) ? "; battery readable" : "; battery private");
        grant.expiry().ifPresent(e -> b.append("; ").append(ExpiryText.of(e, now, zone)));
        return b.toString();
    }
}
