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

    @Test
    void aControllerFloodAbortsItsLink() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        pair.client().connect(new Recorder());
        Recorder near = new Recorder();
        new LimitedConnector(pair.server(), 1, 5, "controller").connect(near);
        for (int i = 0; i < 50; i++) {
            pair.client().send("f" + i);
        }
        assertThat(near.closed.get(2, TimeUnit.SECONDS)).hasMessageContaining("frames per second");
        assertThat(near.frames).hasSizeLessThanOrEqualTo(6);
    }

    @Test
    void theHubRaisesATinyMaxPingTimeSoItPingsAnAgentAtMostEvery500Ms() {
        PingFloor floor = new PingFloor(InProcessConnector.pair().server());
        String raised = floor.raise("[{\"ServerInfo\":{\"Id\":1,\"ServerName\":\"x\",\"ProtocolVersionMajor\":4,"
                + "\"ProtocolVersionMinor\":0,\"MaxPingTime\":1}}]");
        assertThat(raised).contains("\"MaxPingTime\":1500");
        String fine = "[{\"ServerInfo\":{\"Id\":1,\"ServerName\":\"x\",\"MaxPingTime\":3000}}]";
        assertThat(floor.raise(fine)).isEqualTo(fine);
        String none = "[{\"ServerInfo\":{\"Id\":1,\"ServerName\":\"x\",\"MaxPingTime\":0}}]";
        assertThat(floor.raise(none)).isEqualTo(none);
        assertThat(floor.raise("[{\"Ok\":{\"Id\":2}}]")).isEqualTo("[{\"Ok\":{\"Id\":2}}]");
    }
}
