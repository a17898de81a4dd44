package io.github.buttplugjava.core.connector;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A connector that passes every call to another one: extend it and override what the wrapper
 * changes, e.g. {@link #connect(FrameListener)} to take some frames off the link before the
 * listener sees them, or {@link #send(String)} to count what is sent. Everything not overridden,
 * flow control and the peer's address included, is the wrapped connector's.
 */
public abstract class ForwardingConnector implements ButtplugConnector {

    private final ButtplugConnector delegate;

    /**
     * A wrapper of {@code delegate}.
     *
     * @param delegate the connector every call goes to
     */
    protected ForwardingConnector(ButtplugConnector delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The wrapped connector.
     *
     * @return the connector every call goes to
     */
    protected final ButtplugConnector delegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return delegate.connect(listener);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return delegate.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return delegate.close();
    }

    @Override
    public boolean isConnected() {
        return delegate.isConnected();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        return delegate.abort(reason);
    }

    @Override
    public boolean pauseReading() {
        return delegate.pauseReading();
    }

    @Override
    public void resumeReading() {
        delegate.resumeReading();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return delegate.remoteAddress();
    }
}
