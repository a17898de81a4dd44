package io.github.buttplugjava.cluster.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner sends one beat message per entry node and hub tick, however many links it beats
 * there; never more often than the tick, and never without one (virtual clock).
 */
class OwnerBeatsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<String> published = new ArrayList<>();
    private final OwnerBeats beats = new OwnerBeats(published::add, clock::get);

    private void advanceMillis(long ms) {
        clock.addAndGet(ms * 1_000_000L);
    }

    @Test
    void oneMessagePerEntryNodeAndTickWhateverTheNumberOfLinks() {
        for (int tick = 0; tick < 3; tick++) {
            for (int link = 0; link < 1_000; link++) {
                beats.beat(link % 2 == 0 ? "n1" : "n3"); // the hub's one pass over its links
            }
            advanceMillis(500);
        }
        assertThat(published).containsExactly("n1", "n3", "n1", "n3", "n1", "n3");
    }

    @Test
    void beatsCloserThanHalfThePeriodAreOneAndAGapNeverGrowsPastTheTicks() {
        assertThat(beats.beat("n1")).isTrue();
        advanceMillis(249);
        assertThat(beats.beat("n1")).isFalse(); // e.g. a late tick and the next one on time
        advanceMillis(1);
        assertThat(beats.beat("n1")).isTrue();
        advanceMillis(1_500); // a hub that stalled sends nothing meanwhile; the next tick beats at once
        assertThat(beats.beat("n1")).isTrue();
        assertThat(published).containsExactly("n1", "n1", "n1");
    }

    @Test
    void entryNodesNotBeatenForLongAreForgottenPastTheBound() {
        for (int i = 0; i < OwnerBeats.PRUNE_ABOVE; i++) {
            beats.beat("old" + i);
        }
        assertThat(beats.size()).isEqualTo(OwnerBeats.PRUNE_ABOVE);
        advanceMillis(OwnerBeats.FORGET_AFTER_NANOS / 1_000_000L + 1);
        beats.beat("new");
        assertThat(beats.size()).isEqualTo(1);
        assertThat(beats.beat("old0")).isTrue(); // a forgotten node is beaten again as a new one
    }
}
