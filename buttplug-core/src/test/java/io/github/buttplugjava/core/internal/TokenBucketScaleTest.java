package io.github.buttplugjava.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link TokenBucket#tryTake(int, int)}: rate and capacity scale; a smaller scale caps what was saved. */
class TokenBucketScaleTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(100, 10, now::get);

    private int takeAll(int scale) {
        int taken = 0;
        while (bucket.tryTake(1, scale) && taken < 1_000_000) {
            taken++;
        }
        return taken;
    }

    @Test
    void refillAndCapacityScale() {
        assertThat(takeAll(4)).as("starts with one burst, and the three added come full").isEqualTo(40);
        now.addAndGet(1_000_000_000L);
        assertThat(takeAll(4)).as("a second at 4 × 100/s, capped at 4 × 10").isEqualTo(40);
        now.addAndGet(50_000_000L);
        assertThat(takeAll(4)).as("50 ms at 400/s").isEqualTo(20);
    }

    @Test
    void aSmallerScaleCapsTheSavedTokens() {
        now.addAndGet(1_000_000_000L);
        assertThat(bucket.tryTake(1, 4)).isTrue();
        now.addAndGet(1_000_000_000L);
        assertThat(bucket.tryTake(1, 4)).isTrue();
        assertThat(takeAll(1)).as("capacity back to 10").isEqualTo(10);
    }

    @Test
    void aScaleThatDropsAndReturnsBringsItsBurstAgainButNeverAboveCapacity() {
        assertThat(takeAll(2)).isEqualTo(20);
        assertThat(takeAll(1)).isZero();
        assertThat(takeAll(2)).as("the returning device's burst").isEqualTo(10);
        assertThat(bucket.tryTake(1, 2)).isFalse();
    }

    @Test
    void scaleOneIsThePlainBucket() {
        assertThat(takeAll(1)).isEqualTo(10);
        now.addAndGet(30_000_000L);
        assertThat(bucket.tryTake(3)).isTrue();
        assertThat(bucket.tryTake(1)).isFalse();
    }
}
