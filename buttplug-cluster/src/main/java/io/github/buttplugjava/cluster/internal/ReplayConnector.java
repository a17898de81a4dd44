package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A link whose first frame is given here and the rest come from another link: the owner hands
 * the hub an agent link whose hello it wrote itself (with the room's node-local token, so the
 * agent's real token never leaves the entry node).
 */
final class ReplayConnector implements ButtplugConnector {

    private final String first;
    private final ButtplugConnector rest;

    ReplayConnector(String first, ButtplugConnector rest) {
        this.first = first;
        this.rest = rest;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        listener.onFrame(first);
        return rest.connect(listener);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return rest.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return rest.close();
    }

    @Override
    public boolean isConnected() {
        return rest.isConnected();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        return rest.abort(reason);
    }

    @Override
    public boolean pauseReading() {
        return rest.pauseReading();
    }

    @Override
    public void resumeReading() {
        rest.resumeReading();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return rest.remoteAddress();
    }
}
