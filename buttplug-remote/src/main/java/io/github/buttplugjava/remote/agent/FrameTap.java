package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ForwardingConnector;
import io.github.buttplugjava.core.connector.FrameListener;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The agent's share link as its Buttplug server sees it once the hub agreed to a link extension:
 * frames of the extension ({@code diverted}: the hub's heartbeat, presence) go to {@code sink}
 * on the link's delivering thread (it must not block) and no further; every other frame goes to
 * the server. Everything else is the link's. Taps nest, one per extension.
 */
final class FrameTap extends ForwardingConnector {

    private final Predicate<String> diverted;
    private final Consumer<String> sink;

    FrameTap(ButtplugConnector link, Predicate<String> diverted, Consumer<String> sink) {
        super(link);
        this.diverted = diverted;
        this.sink = sink;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return delegate().connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (diverted.test(frame)) {
                    sink.accept(frame);
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
}
