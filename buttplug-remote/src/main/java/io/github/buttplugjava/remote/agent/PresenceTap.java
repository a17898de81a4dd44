package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.link.PresenceFrame;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The agent's share link as its Buttplug server sees it when the hub agreed to tell presence:
 * frames that {@linkplain PresenceFrame#isPresence are presence} go to {@code presence} (which must
 * not block), every other frame to the server. Everything else is the link's.
 */
final class PresenceTap implements ButtplugConnector {

    private final ButtplugConnector link;
    private final Consumer<String> presence;

    PresenceTap(ButtplugConnector link, Consumer<String> presence) {
        this.link = link;
        this.presence = presence;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (PresenceFrame.isPresence(frame)) {
                    presence.accept(frame);
                } else {
                    listener.onFrame(frame);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(cause);
            }
        });
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        return link.send(frame);
    }

    @Override
    public CompletableFuture<Void> close() {
        return link.close();
    }

    @Override
    public boolean isConnected() {
        return link.isConnected();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        return link.abort(reason);
    }

    @Override
    public boolean pauseReading() {
        return link.pauseReading();
    }

    @Override
    public void resumeReading() {
        link.resumeReading();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return link.remoteAddress();
    }
}
