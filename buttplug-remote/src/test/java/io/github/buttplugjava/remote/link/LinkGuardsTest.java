package io.github.buttplugjava.remote.link;

import io.github.buttplugjava.core.connector.InProcessConnector;
import io.github.buttplugjava.remote.testing.FrameRecorder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LinkGuardsTest {

    @Test
    void handoverGivesTheFirstFrameAwayAndTheRestInOrder() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        FrameRecorder far = new FrameRecorder();
        pair.client().connect(far).get(1, TimeUnit.SECONDS);
        HandoverConnector h = HandoverConnector.open(pair.server()).get(1, TimeUnit.SECONDS);
        pair.client().send("hello");
        pair.client().send("one");
        pair.client().send("two");
        assertThat(h.firstFrame().get(2, TimeUnit.SECONDS)).isEqualTo("hello");
        FrameRecorder downstream = new FrameRecorder();
        h.connect(downstream).get(1, TimeUnit.SECONDS);
        assertThat(downstream.next()).isEqualTo("one");
        assertThat(downstream.next()).isEqualTo("two");
        h.send("back").get(1, TimeUnit.SECONDS);
        assertThat(far.next()).isEqualTo("back");
        pair.client().close();
        assertThat(downstream.closed.get(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void afterTheHandoverTheFirstFrameIsNoLongerHeld() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        pair.client().connect(new FrameRecorder()).get(1, TimeUnit.SECONDS);
        HandoverConnector h = HandoverConnector.open(pair.server()).get(1, TimeUnit.SECONDS);
        pair.client().send("hello");
        assertThat(h.firstFrame().get(2, TimeUnit.SECONDS)).isEqualTo("hello");
        FrameRecorder downstream = new FrameRecorder();
        h.connect(downstream).get(1, TimeUnit.SECONDS);
        assertThat(h.firstFrame()).failsWithin(0, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class)
                .withMessageContaining("handed over");
        pair.client().send("one");
        assertThat(downstream.next()).isEqualTo("one");
    }

    @Test
    void aHandoverBeforeTheFirstFrameStillGivesTheFirstFrameAway() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        pair.client().connect(new FrameRecorder()).get(1, TimeUnit.SECONDS);
        HandoverConnector h = HandoverConnector.open(pair.server()).get(1, TimeUnit.SECONDS);
        FrameRecorder downstream = new FrameRecorder();
        h.connect(downstream).get(1, TimeUnit.SECONDS);
        pair.client().send("hello");
        pair.client().send("one");
        assertThat(h.firstFrame().get(2, TimeUnit.SECONDS)).isEqualTo("hello");
        assertThat(downstream.next()).isEqualTo("one");
    }

    @Test
    void handoverFailsTheFirstFrameWhenTheLinkClosesFirst() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        pair.client().connect(new FrameRecorder());
        HandoverConnector h = HandoverConnector.open(pair.server()).get(1, TimeUnit.SECONDS);
        pair.client().close();
        assertThat(h.firstFrame()).failsWithin(2, TimeUnit.SECONDS);
    }
}
