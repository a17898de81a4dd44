package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.link.AccessToken;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One controller of a room as the room owner writes it: a name, a token (null for a random one)
 * and a ceiling. Read from {@code hub --control-token NAME:TOKEN[:types=vibrate,rotate][:max=30][:expires=1h]}
 * (or a bare {@code TOKEN}) and from the room configuration file.
 *
 * @param name    the display name, or null to be named by its place ("controller", "controller-2"...)
 * @param token   the control token, or null for a random one
 * @param ceiling what it may do
 */
record ControllerSpec(String name, String token, ControllerCeiling ceiling) {

    /** The form of {@code --control-token}, for errors. */
    static final String FORM = "TOKEN or NAME:TOKEN[:types=vibrate,rotate][:max=30][:expires=1h]";

    /**
     * Reads a {@code --control-token} value.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static ControllerSpec parse(String text) {
        if (!text.contains(":")) {
            return new ControllerSpec(null, text, ControllerCeiling.NONE);
        }
        String[] parts = text.split(":", -1);
        String name = parts[0].trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("--control-token " + FORM + ": the NAME before the first ':' is empty");
        }
        String token = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
        List<String> types = null;
        Integer max = null;
        String expires = null;
        for (int i = 2; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2 || kv[1].isEmpty()) {
                throw new IllegalArgumentException("--control-token " + FORM + ": '" + parts[i] + "' is not KEY=VALUE");
            }
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "types" -> types = List.of(kv[1].split(","));
                case "max" -> max = percent(kv[1], "--control-token " + name + ": max");
                case "expires" -> expires = kv[1];
                default -> throw new IllegalArgumentException("--control-token " + name + ": unknown key '" + kv[0]
                        + "' (types, max, expires)");
            }
        }
        return new ControllerSpec(name, token, ceiling(types, max, expires, "--control-token " + name));
    }

    /** A percentage 1..100, written {@code 30} or {@code 30%}. */
    static int percent(String text, String what) {
        String t = text.trim();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            int p = Integer.parseInt(t);
            if (p >= 1 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException(what + " must be a whole percentage 1..100, not '" + text + "'");
    }

    /**
     * A ceiling from its written parts, each null when not given.
     *
     * @param types      output type names (vibrate, rotate, oscillate, constrict, position, ...)
     * @param maxPercent the highest level in percent, 1..100
     * @param expires    how long the access lasts after the hub starts (e.g. 1h)
     * @param what       where it was written, for errors
     */
    static ControllerCeiling ceiling(List<String> types, Integer maxPercent, String expires, String what) {
        ControllerCeiling c = ControllerCeiling.NONE;
        if (types != null) {
            Set<OutputType> allowed = EnumSet.noneOf(OutputType.class);
            List<String> unknown = new ArrayList<>();
            for (String t : types) {
                String name = t.trim();
                OutputType.fromWireName(name).or(() -> OutputType.fromWireName(name.toLowerCase(Locale.ROOT)))
                        .ifPresentOrElse(allowed::add, () -> unknown.add(name));
            }
            if (!unknown.isEmpty() || allowed.isEmpty()) {
                throw new IllegalArgumentException(what + ": unknown output type(s) " + unknown + "; known: "
                        + EnumSet.allOf(OutputType.class).stream().map(OutputType::configName).toList());
            }
            c = c.withOutputs(allowed);
        }
        if (maxPercent != null) {
            if (maxPercent < 1 || maxPercent > 100) {
                throw new IllegalArgumentException(what + ": max must be a whole percentage 1..100, not " + maxPercent);
            }
            c = c.withMaxLevel(maxPercent / 100.0);
        }
        if (expires != null) {
            java.time.Duration d;
            try {
                d = HumanDuration.parse(expires);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": expires " + e.getMessage());
            }
            if (d.isZero()) {
                throw new IllegalArgumentException(what + ": expires must be longer than 0");
            }
            c = c.withValidFor(d);
        }
        return c;
    }

    /** The token, or a fresh random one. */
    AccessToken accessToken() {
        return token == null ? AccessToken.generate() : AccessToken.of(token);
    }
}
