package io.github.buttplugjava.examples.chatplays;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ChatterRatesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aChatterGetsItsBurstThenOnePerRefill() {
        ChatterRates rates = new ChatterRates(2, Duration.ofSeconds(2), 10);
        assertThat(rates.tryTake("alice", 0)).isTrue();
        assertThat(rates.tryTake("alice", 0)).isTrue();
        assertThat(rates.tryTake("alice", 0)).isFalse();
        assertThat(rates.tryTake("alice", SECOND)).as("half a token after 1 s").isFalse();
        assertThat(rates.tryTake("alice", 2 * SECOND)).isTrue();
        assertThat(rates.tryTake("alice", 2 * SECOND)).isFalse();
        assertThat(rates.tryTake("alice", 100 * SECOND)).isTrue();
        assertThat(rates.tryTake("alice", 100 * SECOND)).isTrue();
        assertThat(rates.tryTake("alice", 100 * SECOND)).as("never more than the burst saved up").isFalse();
    }

    @Test
    void chattersAreSeparateAndNicksCaseInsensitive() {
        ChatterRates rates = new ChatterRates(1, Duration.ofSeconds(10), 10);
        assertThat(rates.tryTake("Alice", 0)).isTrue();
        assertThat(rates.tryTake("aLiCe", 0)).isFalse();
        assertThat(rates.tryTake("bob", 0)).isTrue();
    }

    @Test
    void theMapOfChattersIsBoundedAndForgetsTheLeastRecent() {
        ChatterRates rates = new ChatterRates(1, Duration.ofSeconds(10), 3);
        for (int i = 0; i < 1000; i++) {
            rates.tryTake("nick" + i, 0);
        }
        assertThat(rates.size()).isEqualTo(3);
        assertThat(rates.tryTake("nick999", 0)).as("still remembered").isFalse();
        assertThat(rates.tryTake("nick0", 0)).as("forgotten: a full bucket again").isTrue();
    }
}
