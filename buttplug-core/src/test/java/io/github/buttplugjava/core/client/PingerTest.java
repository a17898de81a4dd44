package io.github.buttplugjava.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ping period alone: a third of MaxPingTime, never under the floor nor under 1 ms. */
class PingerTest {

    @Test
    void thePeriodIsAThirdOfMaxPingTime() {
        assertThat(Pinger.periodMs(900, Duration.ofMillis(1))).isEqualTo(300);
        assertThat(Pinger.periodMs(30_000, Duration.ofMillis(100))).isEqualTo(10_000);
    }

    @Test
    void theFloorWinsOverATinyMaxPingTime() {
        assertThat(Pinger.periodMs(1, Duration.ofMillis(100))).isEqualTo(100);
        assertThat(Pinger.periodMs(200, Duration.ofMillis(100))).isEqualTo(100);
    }

    @Test
    void thePeriodIsAtLeastOneMillisecond() {
        assertThat(Pinger.periodMs(2, Duration.ofNanos(1))).isEqualTo(1);
    }
}
