package io.github.buttplugjava.core.connector;

import org.junit.jupiter.api.Test;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InProcessConnectorTest {

    /** Records frames and the close as strings. */
    private static final class Recorder implements FrameListener {
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        volatile Thread thread;

        @Override
        public void onFrame(String frame) {
            thread = Thread.currentThread();
            seen.add(frame);
        }

        @Override
        public void onClosed(Throwable cause) {
            seen.add("closed " + cause);
        }

        String next() throws InterruptedException {
            return seen.poll(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void framesFlowBothWaysInOrderAndWaitForTheOtherEnd() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        Recorder server = new Recorder();
        Recorder client = new Recorder();
        pair.client().connect(client).get(5, TimeUnit.SECONDS);
        pair.client().send("one");
        pair.client().send("two");
        pair.server().connect(server).get(5, TimeUnit.SECONDS);
        pair.server().send("reply");
        assertThat(server.next()).isEqualTo("one");
        assertThat(server.next()).isEqualTo("two");
        assertThat(client.next()).isEqualTo("reply");
        assertThat(client.thread).isNotEqualTo(Thread.currentThread());
    }

    @Test
    void closePropagatesOnceAndLaterSendsFail() throws Exception {
        InProcessConnector.Pair pair = InProcessConnector.pair();
        Recorder server = new Recorder();
        Recorder client = new Recorder();
        pair.client().connect(client).get(5, TimeUnit.SECONDS);
        pair.server().connect(server).get(5, TimeUnit.SECONDS);
        pair.client().send("last");
        pair.client().close();
        pair.client().close();
        assertThat(server.next()).isEqualTo("last");
        assertThat(server.next()).isEqualTo("closed null");
        assertThat(client.next()).isEqualTo("closed null");
        assertThat(server.seen.poll(50, TimeUnit.MILLISECONDS)).isNull();
        assertThat(pair.server().isConnected()).isFalse();
        assertThatThrownBy(() -> pair.server().send("x").get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> pair.server().connect(new Recorder()).get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ConnectorException.class);
    }
}
