package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.hub.ControllerCeiling;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** A controller's ceiling in words, for the hub's printout and console. */
final class CeilingText {

    private CeilingText() {
    }

    /** E.g. {@code "types [rotate, vibrate], at most 30%, expires after 1 h"}, or {@code "no ceiling"}. */
    static String describe(ControllerCeiling ceiling) {
        List<String> parts = new ArrayList<>();
        if (!ceiling.outputs().containsAll(EnumSet.allOf(OutputType.class))) {
            parts.add("types " + ceiling.outputs().stream().map(OutputType::configName).sorted().toList());
        }
        if (ceiling.maxLevel() < 1) {
            parts.add("at most " + Math.round(ceiling.maxLevel() * 100) + "%");
        }
        ceiling.expiry().ifPresent(d -> parts.add("access for " + ExpiryText.duration(d) + " from the start"));
        return parts.isEmpty() ? "no ceiling" : String.join(", ", parts);
    }

    /** {@code ", " + describe(ceiling)}, or nothing without a ceiling. */
    static String suffix(ControllerCeiling ceiling) {
        return ceiling.equals(ControllerCeiling.NONE) ? "" : ", " + describe(ceiling);
    }
}
