package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames that arrive before the listener: kept up to the bound, handed over in order, dropped at the end. */
class FrameDeliveryTest {

    private static final class Recorder implements FrameListener {
        final List<String> frames = new ArrayList<>();
        final List<Throwable> ends = new ArrayList<>();

        @Override
        public void onFrame(String frame) {
            frames.add(frame);
        }

        @Override
        public void onClosed(Throwable cause) {
            ends.add(cause);
        }
    }

    @Test
    void aPeerTooFastForTheListenerHasItsEarlyFramesKeptUpToTheBoundThenRefused() {
        FrameDelivery delivery = new FrameDelivery("link", null, Runnable::run);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < FrameDelivery.MAX_EARLY_FRAMES; i++) {
            sent.add("frame " + i);
            assertThat(delivery.deliver("frame " + i)).isTrue();
        }

        assertThat(delivery.deliver("one too many")).isFalse();
        assertThat(delivery.earlyFrames()).isEqualTo(FrameDelivery.MAX_EARLY_FRAMES);

        Recorder listener = new Recorder();
        delivery.connect(listener).join();
        assertThat(listener.frames).isEqualTo(sent);
        assertThat(delivery.earlyFrames()).isZero();
        assertThat(delivery.deliver("after")).isTrue();
        assertThat(listener.frames).endsWith("after");
    }

    @Test
    void anEndBeforeTheListenerDropsTheEarlyFramesAndRefusesALaterListener() {
        FrameDelivery delivery = new FrameDelivery("link", null, Runnable::run);
        delivery.deliver("early");
        IllegalStateException cause = new IllegalStateException("peer vanished");

        assertThat(delivery.end(cause)).isTrue();

        assertThat(delivery.earlyFrames()).isZero();
        assertThat(delivery.deliver("late")).as("a frame after the end is taken and dropped").isTrue();
        assertThat(delivery.earlyFrames()).isZero();
        assertThatThrownBy(() -> delivery.connect(new Recorder()).join())
                .hasCauseInstanceOf(ConnectorException.class).hasMessageContaining("closed before connect");
    }
}
