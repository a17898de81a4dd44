package io.github.buttplugjava.remote.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void eachFailureDoublesTheWaitUpToTheMaximumAndAWelcomeStartsOver() {
        Backoff b = Backoff.starting(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(b.delay()).isEqualTo(Duration.ofMillis(500));
        b = b.doubled();
        assertThat(b.delay()).isEqualTo(Duration.ofSeconds(1));
        b = b.doubled().doubled();
        assertThat(b.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.doubled().delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(b.reset().delay()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aJitteredWaitLiesInTheUpperHalfOfTheDelaySoAgentsDroppedTogetherSpreadOut() {
        Backoff b = Backoff.starting(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertThat(b.jittered(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.jittered(0.5)).isEqualTo(Duration.ofMillis(375));
        assertThat(b.jittered(0.999_999)).isGreaterThan(Duration.ofMillis(250)).isLessThan(Duration.ofMillis(251));
        java.util.Set<Duration> waits = new java.util.HashSet<>();
        java.util.Random r = new java.util.Random(16);
        for (int i = 0; i < 100; i++) {
            Duration w = b.doubled().jittered(r.nextDouble());
            assertThat(w).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            waits.add(w);
        }
        assertThat(waits).as("100 agents dropped together dial at different times").hasSizeGreaterThan(90);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.jittered(1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
