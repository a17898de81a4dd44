package io.github.buttplugjava.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ExpiryTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-12-02T01:12:00Z"); // 02:12 in Berlin

    @Test
    void anExpiryIsADurationAndALocalClockTime() {
        assertThat(ExpiryText.of(NOW.plus(Duration.ofMinutes(29)), NOW, BERLIN)).isEqualTo("expires in 29 min, at 02:41");
        assertThat(ExpiryText.of(NOW.plusSeconds(45), NOW, BERLIN)).isEqualTo("expires in 45 s, at 02:12");
        assertThat(ExpiryText.of(NOW.plus(Duration.ofMinutes(125)), NOW, BERLIN)).isEqualTo("expires in 2 h 5 min, at 04:17");
        assertThat(ExpiryText.of(NOW.plus(Duration.ofHours(30)), NOW, BERLIN)).isEqualTo("expires in 30 h, at Thu 3 Dec 08:12");
        assertThat(ExpiryText.of(NOW.minusSeconds(60), NOW, BERLIN)).isEqualTo("expired at 02:11");
        assertThat(ExpiryText.of(NOW.plus(Duration.ofMinutes(29)), NOW, ZoneId.of("UTC"))).isEqualTo("expires in 29 min, at 01:41");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(ExpiryText.duration(Duration.ofMillis(500))).isEqualTo("500 ms");
        assertThat(ExpiryText.duration(Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(ExpiryText.duration(Duration.ofSeconds(90))).isEqualTo("2 min");
        assertThat(ExpiryText.duration(Duration.ofHours(3))).isEqualTo("3 h");
        assertThat(ExpiryText.duration(Duration.ofHours(50))).isEqualTo("2 d 2 h");
    }
}
