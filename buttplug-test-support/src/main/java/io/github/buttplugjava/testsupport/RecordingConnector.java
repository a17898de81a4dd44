package io.github.buttplugjava.testsupport;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ForwardingConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connector that records every frame it receives, then passes it on; everything else is the wrapped one's. */
public final class RecordingConnector extends ForwardingConnector {

    private final List<String> received;

    /**
     * Records into a list of its own ({@link #received()}).
     *
     * @param inner the connector wrapped
     */
    public RecordingConnector(ButtplugConnector inner) {
        this(inner, new CopyOnWriteArrayList<>());
    }

    /**
     * Records into {@code received}, which must be thread-safe.
     *
     * @param inner    the connector wrapped
     * @param received where each received frame is added, in order
     */
    public RecordingConnector(ButtplugConnector inner, List<String> received) {
        super(inner);
        this.received = received;
    }

    /**
     * The frames received so far, oldest first.
     *
     * @return the live list the frames are added to
     */
    public List<String> received() {
        return received;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return delegate().connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                received.add(frame);
                listener.onFrame(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(cause);
            }
        });
    }
}
