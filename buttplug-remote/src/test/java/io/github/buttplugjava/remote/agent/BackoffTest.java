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
}
