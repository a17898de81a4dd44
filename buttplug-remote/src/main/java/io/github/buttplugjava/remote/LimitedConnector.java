package io.github.buttplugjava.remote;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Interim flood guard of a controller link: frames faster than the rate (a token bucket of
 * {@code burst} frames refilled at {@code perSecond}) abort the link, and whatever runs over it
 * sees the abort as a drop (its toys stop). Used on controller links only, never on agent links:
 * an agent's frames are mostly replies to what the hub relayed, and no agent is closed for
 * answering. Frame sizes are capped by the transport.
 *
 * <p>To go once the core's server sessions apply {@code MessageLimits} (they slow a flooding
 * controller by pausing its socket before they refuse).
 */
final class LimitedConnector implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(LimitedConnector.class);

    private final ButtplugConnector link;
    private final double perSecond;
    private final int burst;
    private final String label;
    private double tokens;
    private long lastRefill = System.nanoTime();
    private volatile String tripped;

    LimitedConnector(ButtplugConnector link, double perSecond, int burst, String label) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("the rate and burst must be positive");
        }
        this.link = link;
        this.perSecond = perSecond;
        this.burst = burst;
        this.label = label;
        this.tokens = burst;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return link.connect(new FrameListener() {
            @Override
            public void onFrame(String frame) {
                if (tripped != null) {
                    return;
                }
                if (!take()) {
                    tripped = "more than " + (long) perSecond + " frames per second";
                    log.warn("closing a {} link: {}", label, tripped);
                    link.abort(tripped);
                    return;
                }
                listener.onFrame(frame);
            }

            @Override
            public void onClosed(Throwable cause) {
                String reason = tripped;
                listener.onClosed(reason != null && cause == null
                        ? new ConnectorException("link closed: " + reason) : cause);
            }
        });
    }

    private synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * perSecond);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
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
    public CompletableFuture<Void> abort(String reason) {
        return link.abort(reason);
    }

    @Override
    public boolean isConnected() {
        return link.isConnected() && tripped == null;
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
