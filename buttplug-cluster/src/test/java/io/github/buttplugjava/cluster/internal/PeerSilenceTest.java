package io.github.buttplugjava.cluster.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Peer silence on a controlled clock: a late tick of this node judges nobody; a dead peer is still found. */
class PeerSilenceTest {

    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PeerSilence silence = new PeerSilence(now::get, INTERVAL, TIMEOUT, 4);

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void aPeerThatStopsBeatingIsFoundWithinTimeoutAndTwoTicks() {
        silence.beat("n2");
        assertThat(silence.judge(List.of("n2")).silent()).isEmpty();
        long sinceBeat = 0;
        PeerSilence.Judgment j;
        do {
            advanceMillis(250);
            sinceBeat += 250;
            j = silence.judge(List.of("n2"));
        } while (j.silent().isEmpty() && sinceBeat < 5_000);
        assertThat(j.judged()).isTrue();
        assertThat(j.silent()).extracting(PeerSilence.Silent::peer).containsExactly("n2");
        assertThat(sinceBeat).isBetween(1_000L, 1_500L);
        assertThat(j.silent().get(0).lastHeardNanosAgo()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(sinceBeat));
    }

    @Test
    void aTickThatComesLateJudgesNobodyAndTheNextOnTimeTickDoes() {
        silence.beat("n2");
        silence.judge(List.of("n2"));
        advanceMillis(2_000); // this node was starved for 2 s: n2's beats wait unread in its socket
        PeerSilence.Judgment late = silence.judge(List.of("n2"));
        assertThat(late.judged()).isFalse();
        assertThat(late.silent()).isEmpty();
        assertThat(late.tickLateNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1_750));

        silence.beat("n2"); // the reader caught up within the next interval
        advanceMillis(250);
        PeerSilence.Judgment next = silence.judge(List.of("n2"));
        assertThat(next.judged()).isTrue();
        assertThat(next.silent()).isEmpty();
    }

    @Test
    void aPeerStillSilentAtTheNextOnTimeTickIsTakenForGone() {
        silence.beat("n2");
        silence.judge(List.of("n2"));
        advanceMillis(2_000);
        assertThat(silence.judge(List.of("n2")).judged()).isFalse();
        advanceMillis(250); // no beat came: n2 is dead, not late
        assertThat(silence.judge(List.of("n2")).silent()).extracting(PeerSilence.Silent::peer).containsExactly("n2");
    }

    @Test
    void aNodeWhoseTicksAreAlwaysLateStillFindsADeadPeerOneTickLater() {
        silence.beat("n2");
        silence.judge(List.of("n2"));
        advanceMillis(1_000); // 750 ms late
        assertThat(silence.judge(List.of("n2")).judged()).isFalse();
        advanceMillis(1_000); // late again: judged all the same (at most one skip in a row)
        PeerSilence.Judgment j = silence.judge(List.of("n2"));
        assertThat(j.judged()).isTrue();
        assertThat(j.silent()).extracting(PeerSilence.Silent::peer).containsExactly("n2");
        advanceMillis(1_000); // and the next late tick may skip again
        assertThat(silence.judge(List.of("n2")).judged()).isFalse();
    }

    @Test
    void aTickLateByLessThanHalfTheTimeoutStillJudges() {
        silence.beat("n2");
        silence.judge(List.of("n2"));
        advanceMillis(1_200); // 950 ms late: more than half the timeout
        assertThat(silence.judge(List.of("n2")).judged()).isFalse();
        advanceMillis(600); // 350 ms late: judged, and n2 has been silent 1.8 s
        PeerSilence.Judgment j = silence.judge(List.of("n2"));
        assertThat(j.judged()).isTrue();
        assertThat(j.silent()).hasSize(1);
    }

    @Test
    void aPeerNeverHeardFromIsSilentAtATickButNotForPlacing() {
        assertThat(silence.silent("n3")).isFalse();
        assertThat(silence.judge(List.of("n3")).silent()).extracting(PeerSilence.Silent::lastHeardNanosAgo).containsExactly(-1L);
        silence.heard("n3");
        assertThat(silence.judge(List.of("n3")).silent()).isEmpty();
    }

    @Test
    void heardDoesNotRefreshASilentPeer() {
        silence.beat("n2");
        advanceMillis(1_500);
        silence.heard("n2");
        assertThat(silence.silent("n2")).isTrue();
    }

    @Test
    void atMostMaxPeersAreRemembered() {
        for (int i = 0; i < 10; i++) {
            silence.beat("n" + i);
        }
        advanceMillis(1_500);
        long remembered = java.util.stream.IntStream.range(0, 10).filter(i -> silence.silent("n" + i)).count();
        assertThat(remembered).isEqualTo(4);
    }
}
