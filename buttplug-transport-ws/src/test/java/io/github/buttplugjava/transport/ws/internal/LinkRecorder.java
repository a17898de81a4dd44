package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.core.connector.FrameListener;
import java.util.ArrayList;
import java.util.List;

/** Records what a link hands its listener; calls run on the test's thread (direct executor). */
final class LinkRecorder implements FrameListener {

    final List<String> frames = new ArrayList<>();
    final List<Throwable> ends = new ArrayList<>();
    boolean closed;
    /** Runs inside onFrame, to observe what the link does while its listener is busy. */
    Runnable duringFrame = () -> { };

    @Override
    public void onFrame(String frame) {
        frames.add(frame);
        duringFrame.run();
    }

    @Override
    public void onClosed(Throwable cause) {
        closed = true;
        ends.add(cause);
    }
}
