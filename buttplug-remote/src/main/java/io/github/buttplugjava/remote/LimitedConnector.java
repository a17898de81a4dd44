package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Guards the hub against one link flooding it: a frame longer than the limit, or frames faster
 * than the rate (a token bucket of {@code burst} frames refilled at {@code perSecond}), close the
 * link, and whatever runs over it sees the close as a drop.
 */
final class LimitedConnector implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(LimitedConnector.class);

    private final ButtplugConnector link;
    private final LinkLimits limits;
    private final String label;
    private double tokens;
    private long lastRefill = System.nanoTime();
    private volatile boolean tripped;

    LimitedConnector(ButtplugConnector link, LinkLimits limits, String label) {
        this.link = link;
        this.limits = limits;
        this.label = label;
        this.tokens = limits.burst();
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (tripped) {
                    return;
                }
                String violation = check(frame);
                if (violation != null) {
                    tripped = true;
                    log.warn("closing {} link: {}", label, violation);
                    link.close();
                    return;
                }
                listener.onFrame(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
                listener.onClosed(tripped && cause == null
                        ? new ConnectorException("link closed: it broke the frame size or rate limit") : cause);
            }
        });
    }

    private synchronized String check(String frame) {
        if (frame.length() > limits.maxFrameChars()) {
            return "a frame of " + frame.length() + " characters is above the limit of " + limits.maxFrameChars();
        }
        long now = System.nanoTime();
        tokens = Math.min(limits.burst(), tokens + (now - lastRefill) / 1e9 * limits.framesPerSecond());
        lastRefill = now;
        if (tokens < 1) {
            return "more than " + limits.framesPerSecond() + " frames per second";
        }
        tokens -= 1;
        return null;
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
        return link.isConnected() && !tripped;
    }
}
