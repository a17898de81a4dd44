package io.github.buttplugjava.testsupport;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.connector.ForwardingConnector;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connector over another that can be {@linkplain #cut() cut silently}: this side is told the
 * link ended, while the far end keeps an open connection that has merely fallen silent, as when a
 * NAT forgets the mapping or a phone changes networks and the server sees nothing for a while.
 * After the cut nothing passes either way: frames from the far end are dropped, and sends, closes
 * and aborts of this side never reach it. The wrapped connection stays open until the far end
 * closes it ({@link #farEndClosed()} tells when and why) or {@link #release()} closes it.
 *
 * <p>Thread-safe. Single use, like the wrapped connector.
 */
public final class SilentCutConnector extends ForwardingConnector {

    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final CompletableFuture<String> farEndClosed = new CompletableFuture<>();
    private volatile FrameListener listener;

    /**
     * A cuttable wrapper of {@code connection}.
     *
     * @param connection the real connection, not yet connected
     */
    public SilentCutConnector(ButtplugConnector connection) {
        super(connection);
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        this.listener = listener;
        return delegate().connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (!cut.get()) {
                    listener.onFrame(frame);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                farEndClosed.complete(cause == null ? "closed" : String.valueOf(cause.getMessage()));
                report(cause);
            }
        });
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return cut.get() ? CompletableFuture.failedFuture(new ConnectorException("the link was cut"))
                : delegate().send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return cut.get() ? CompletableFuture.completedFuture(null) : delegate().close();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        return cut.get() ? CompletableFuture.completedFuture(null) : delegate().abort(reason);
    }

    @Override
    public boolean isConnected() {
        return !cut.get() && delegate().isConnected();
    }

    /**
     * Cuts the link silently: this side's listener is told it ended (with a
     * {@link ConnectorException}), unless it had ended already; the far end is told nothing.
     */
    public void cut() {
        cut.set(true);
        report(new ConnectorException("the link was cut"));
    }

    /**
     * Completes when the far end closes the real connection.
     *
     * @return completes with the close's description ({@code "closed"} for an orderly close, else the
     *         cause's message, e.g. the code and reason of a refusal)
     */
    public CompletableFuture<String> farEndClosed() {
        return farEndClosed.copy();
    }

    /** Closes the real connection (for the end of a test); the listener hears nothing more. */
    public void release() {
        cut.set(true);
        report(new ConnectorException("the link was cut"));
        delegate().close();
    }

    private void report(Throwable cause) {
        FrameListener l = listener;
        if (l != null && reported.compareAndSet(false, true)) {
            l.onClosed(cause);
        }
    }
}
