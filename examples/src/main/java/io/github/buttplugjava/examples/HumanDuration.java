package io.github.buttplugjava.examples;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them on a command line: {@code 100ms}, {@code 2s}, {@code 30m}, {@code 1h}. */
final class HumanDuration {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private HumanDuration() {
    }

    /** @throws IllegalArgumentException when the text is not a number followed by ms, s, m or h */
    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 100ms, 2s, 30m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
