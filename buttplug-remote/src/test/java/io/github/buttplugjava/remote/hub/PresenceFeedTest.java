package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.remote.link.PresenceFrame;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's presence feed to one agent: coalesced, latest wins, one frame in flight, on virtual time. */
class PresenceFeedTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> controllers = new ArrayList<>();
    private final AtomicReference<PresenceFrame> picture = new AtomicReference<>(PresenceFrame.EMPTY);
    private final List<String> sent = new ArrayList<>();

    private PresenceFeed feed(boolean answer) {
        return new PresenceFeed(picture::get, frame -> {
            sent.add(frame);
            return answer ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }, time.scheduling(Runnable::run));
    }

    private void join(String name) {
        controllers.add(name);
        picture.set(new PresenceFrame(controllers, Map.of()));
    }

    @Test
    void theFirstChangeGoesAtOnceAndABurstOf64JoinsCostsOneMoreFrameAfterTheGap() {
        PresenceFeed feed = feed(true);
        feed.changed();
        assertThat(sent).containsExactly(PresenceFrame.EMPTY.encode());
        for (int i = 0; i < 64; i++) {
            join("c" + i);
            feed.changed();
        }
        assertThat(sent).hasSize(1);
        time.advance(PresenceFeed.MIN_GAP.minusMillis(1));
        assertThat(sent).hasSize(1);
        time.advanceMillis(1);
        assertThat(sent).hasSize(2);
        assertThat(PresenceFrame.decode(sent.get(1)).controllers()).hasSize(64).startsWith("c0").endsWith("c63");
        time.advance(PresenceFeed.MIN_GAP.multipliedBy(10));
        assertThat(sent).hasSize(2);
    }

    @Test
    void anAgentThatDoesNotReadHoldsOneFrameAtTheHubWhateverChanges() {
        PresenceFeed feed = feed(false);
        feed.changed();
        for (int i = 0; i < 1_000; i++) {
            join("c" + (i % 64));
            feed.changed();
            time.advance(PresenceFeed.MIN_GAP);
        }
        assertThat(sent).hasSize(1);
        assertThat(time.pending()).isZero();
    }

    @Test
    void aPictureEqualToTheLastOneSentIsNotSentAgain() {
        PresenceFeed feed = feed(true);
        join("bob");
        feed.changed();
        time.advance(PresenceFeed.MIN_GAP);
        feed.changed();
        time.advance(PresenceFeed.MIN_GAP);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aClosedFeedSendsNothingMoreAndCancelsItsTimer() {
        PresenceFeed feed = feed(true);
        feed.changed();
        join("bob");
        feed.changed();
        assertThat(time.pending()).isEqualTo(1);
        feed.close();
        time.advance(PresenceFeed.MIN_GAP.multipliedBy(2));
        feed.changed();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aFailedSendEndsTheFeed() {
        PresenceFeed feed = new PresenceFeed(picture::get, frame -> {
            sent.add(frame);
            return CompletableFuture.failedFuture(new IllegalStateException("link closed"));
        }, time.scheduling(Runnable::run));
        feed.changed();
        join("bob");
        feed.changed();
        time.advance(PresenceFeed.MIN_GAP.multipliedBy(2));
        assertThat(sent).hasSize(1);
    }
}
