package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.InProcessConnector;
import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LinkGuardsTest {

    /** Records frames and the close of one end. */
    static final class Recorder implements FrameListener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> closed = new CompletableFuture<>();

        @Override
        public void onFrame(String frame) {
            frames.add(frame);
        }

        @Override
        public void onClosed(Throwable cause) {
            closed.complete(cause);
        }

        String next() throws InterruptedException {
            String f = frames.poll(2, TimeUnit.SECONDS);
            assertThat(f).as("a frame within 2 s").isNotNull();
            return f;
        }
    }

    @Test
    void handoverGivesTheFirstFrameAwayAndTheRestInOrder() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        Recorder far = new Recorder();
        pair.client().connect(far).get(1, TimeUnit.SECONDS);
        HandoverConnector h = HandoverConnector.open(pair.server()).get(1, TimeUnit.SECONDS);
        pair.client().send("hello");
        pair.client().send("one");
        pair.client().send("two");
        assertThat(h.firstFrame().get(2, TimeUnit.SECONDS)).isEqualTo("hello");
        Recorder downstream = new Recorder();
        h.connect(downstream).get(1, TimeUnit.SECONDS);
        assertThat(downstream.next()).isEqualTo("one");
        assertThat(downstream.next()).isEqualTo("two");
        h.send("back").get(1, TimeUnit.SECONDS);
        assertThat(far.next()).isEqualTo("back");
        pair.client().close();
        assertThat(downstream.closed.get(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void handoverFailsTheFirstFrameWhenTheLinkClosesFirst() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        pair.client().connect(new Recorder());
        HandoverConnector h = HandoverConnector.open(pair.server()).get(1, TimeUnit.SECONDS);
        pair.client().close();
        assertThat(h.firstFrame()).failsWithin(2, TimeUnit.SECONDS);
    }
}
