package io.github.buttplugjava.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Says when something ends the way people read it: "expires in 29 min, at 02:41" (local time). */
final class ExpiryText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private ExpiryText() {
    }

    /**
     * @param at   when it ends
     * @param now  now
     * @param zone the local time zone
     * @return e.g. {@code expires in 29 min, at 02:41}, or {@code expired at 02:41}
     */
    static String of(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        boolean today = local.toLocalDate().equals(LocalDate.ofInstant(now, zone));
        String clock = (today ? TIME : DAY_AND_TIME).format(local);
        if (!at.isAfter(now)) {
            return "expired at " + clock;
        }
        return "expires in " + duration(Duration.between(now, at)) + ", at " + clock;
    }

    /** @return e.g. {@code 500 ms}, {@code 45 s}, {@code 29 min}, {@code 2 h 5 min}, {@code 3 d 4 h} */
    static String duration(Duration d) {
        if (d.toMillis() < 1000) {
            return Math.max(0, d.toMillis()) + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        long min = (s + 30) / 60;
        if (min < 60) {
            return min + " min";
        }
        long h = min / 60;
        if (h < 48) {
            return h + " h" + (min % 60 == 0 ? "" : " " + min % 60 + " min");
        }
        return h / 24 + " d" + (h % 24 == 0 ? "" : " " + h % 24 + " h");
    }
}
