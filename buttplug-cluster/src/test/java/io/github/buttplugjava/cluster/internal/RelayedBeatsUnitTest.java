package io.github.buttplugjava.cluster.internal;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry node's beating links, by owner: beaten per owner, closed ones leave, a gone owner's go. */
class RelayedBeatsUnitTest {

    private static final class Target implements RelayedBeats.Target {
        final AtomicInteger beats = new AtomicInteger();
        final AtomicBoolean open = new AtomicBoolean(true);

        @Override
        public boolean beat() {
            if (!open.get()) {
                return false;
            }
            beats.incrementAndGet();
            return true;
        }
    }

    @Test
    void eachOwnersBeatReachesItsOwnLinksOnly() {
        RelayedBeats relayed = new RelayedBeats();
        Target a = new Target();
        Target b = new Target();
        Target c = new Target();
        relayed.add("n2", a);
        relayed.add("n2", b);
        relayed.add("n3", c);

        assertThat(relayed.beat("n2")).isEqualTo(2);
        assertThat(relayed.beat("n4")).isZero();
        assertThat(a.beats).hasValue(1);
        assertThat(b.beats).hasValue(1);
        assertThat(c.beats).hasValue(0);
    }

    @Test
    void aClosedLinkLeavesOnTheNextBeatAndARemovedOneAtOnce() {
        RelayedBeats relayed = new RelayedBeats();
        Target a = new Target();
        Target b = new Target();
        relayed.add("n2", a);
        relayed.add("n2", b);
        a.open.set(false);
        assertThat(relayed.beat("n2")).isEqualTo(1);
        assertThat(relayed.size()).isEqualTo(1);
        relayed.remove("n2", b);
        assertThat(relayed.size()).isZero();
        assertThat(relayed.beat("n2")).isZero();
    }

    @Test
    void aGoneOwnersLinksAreBeatenNoMore() {
        RelayedBeats relayed = new RelayedBeats();
        Target a = new Target();
        relayed.add("n2", a);
        relayed.dropOwner("n2");
        assertThat(relayed.beat("n2")).isZero();
        assertThat(a.beats).hasValue(0);
        assertThat(relayed.size()).isZero();
    }
}
