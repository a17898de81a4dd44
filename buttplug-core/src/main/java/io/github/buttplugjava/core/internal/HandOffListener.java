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
}
