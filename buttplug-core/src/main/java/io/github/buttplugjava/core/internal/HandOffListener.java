package io.github.buttplugjava.core.internal;

import io.github.buttplugjava.core.connector.FrameListener;

/**
 * A {@link FrameListener} whose {@code onFrame} and {@code onClosed} only meter what arrived and
 * hand it to the listener's own serial executor, without blocking or taking locks of the caller's.
 * A connector in the same JVM may call such a listener on the sending thread instead of through
 * a delivery executor of its own: the frame is still handled on the listener's executor, in the
 * order it was sent, and one thread hand-off per frame is saved. Internal API.
 */
public interface HandOffListener extends FrameListener {

    /**
     * A frame from a sender in this JVM, on the sender's thread, with no lock of the connector's
     * held: the listener may handle it right here when its executor is idle (with
     * {@link SerialExecutor#executeHere}: library code only, no user callback), else queues it as
     * {@link #onFrame} does. Frames of one connector come here in the order they were sent.
     * The default is {@link #onFrame}.
     *
     * @param frame the frame's text, never null
     */
    default void onLocalFrame(String frame) {
        onFrame(frame);
    }
}
