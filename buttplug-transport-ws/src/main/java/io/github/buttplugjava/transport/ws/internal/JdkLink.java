package io.github.buttplugjava.transport.ws.internal;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.PeerClosedException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.KeepAlive;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dialed JDK {@link WebSocket}: its {@link WebSocket.Listener} (text only, bounded messages,
 * one message asked for at a time) and the link operations the dialing connector forwards (send
 * with a bound on unsent bytes, close, abort, flow control, keepalive ticks). Every end is
 * reported to the {@link FrameListener} exactly once; a close frame the peer does not answer
 * within {@link #CLOSE_GRACE} is followed by dropping the TCP connection.
 */
final class JdkLink implements WebSocket.Listener {

    private static final Logger log = LoggerFactory.getLogger(JdkLink.class);

    /** How long our close frame may wait for the peer's answer before the TCP connection is dropped. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    static final int NORMAL = 1000;
    static final int GOING_AWAY = 1001;
    static final int UNSUPPORTED_DATA = 1003;
    static final int POLICY = 1008;
    static final int TOO_BIG = 1009;

    private final String label;
    private final int maxFrameSize;
    private final long maxUnsentBytes;
    private final ScheduledExecutorService scheduler;
    private final FrameDelivery delivery;
    private final TextAssembler text;
    private final AtomicLong unsent = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private volatile WebSocket socket;
    private volatile ReadDemand demand;
    private volatile boolean heard;

    // guarded by this
    private boolean closeSent;
    private boolean ended;
    private Throwable localCause;
    private Throwable endCause; // what ended the link, once known: a send after it names it
    private CompletableFuture<Void> sendTail = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> forcedEnd;
    private ScheduledFuture<?> keepAliveTicks;

    // keepalive ticks run one at a time on the scheduler
    private int silentTicks;
    private boolean closedForSilence;

    JdkLink(String label, FrameListener listener, int maxFrameSize, long maxUnsentBytes, Executor executor,
            ScheduledExecutorService scheduler) {
        this.label = label;
        this.maxFrameSize = maxFrameSize;
        this.maxUnsentBytes = maxUnsentBytes;
        this.scheduler = scheduler;
        this.delivery = new FrameDelivery(label, listener, executor);
        this.text = new TextAssembler(maxFrameSize);
    }

    String label() {
        return label;
    }

    /** Completes once the end has been reported. */
    CompletableFuture<Void> closedFuture() {
        return closed;
    }

    // ---- WebSocket.Listener -------------------------------------------------------------------

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        demand = new ReadDemand(webSocket);
        demand.next();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
        heard = true;
        if (!isConnected()) {
            demand.next(); // our close is out: read on until the peer's answer
            return null;
        }
        switch (text.add(part, last)) {
            case PARTIAL -> demand.next();
            case TOO_BIG -> {
                closeWith(TOO_BIG, "frame larger than " + maxFrameSize + " bytes",
                        new ConnectorException(label + ": peer sent a frame larger than " + maxFrameSize + " bytes"));
                demand.next();
            }
            case COMPLETE -> {
                String frame = text.take();
                log.trace("{} << {}", label, frame);
                delivery.deliver(frame, demand::next);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        heard = true;
        closeWith(UNSUPPORTED_DATA, "binary frames are not accepted; Buttplug uses text frames",
                new ConnectorException(label + ": peer sent a binary frame"));
        demand.next();
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        heard = true; // the JDK answers with a pong by itself
        demand.next();
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        heard = true;
        demand.next();
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        heard = true;
        Throwable cause;
        synchronized (this) {
            if (closeSent) {
                cause = localCause; // the peer answered our close
            } else {
                closeSent = true; // the JDK answers with the same code
                cause = statusCode == NORMAL || statusCode == GOING_AWAY ? null
                        : new PeerClosedException(label + ": closed with code " + statusCode
                                + (reason == null || reason.isEmpty() ? "" : " (" + PeerText.error(reason) + ")"), statusCode);
            }
            if (endCause == null) {
                endCause = cause;
            }
        }
        end(cause, statusCode + (reason == null || reason.isEmpty() ? "" : " " + PeerText.error(reason)));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        Throwable cause;
        synchronized (this) {
            cause = localCause != null ? localCause
                    : new ConnectorException(label + ": connection lost (" + error.getClass().getSimpleName()
                            + (error.getMessage() == null ? "" : ": " + PeerText.error(error.getMessage())) + ")", error);
        }
        log.debug("{}: transport error", label, error);
        end(cause, "error");
    }

    // ---- link operations ----------------------------------------------------------------------

    CompletableFuture<Void> send(String frame) {
        Objects.requireNonNull(frame, "frame");
        long size = TextSizes.utf8Length(frame);
        CompletableFuture<Void> written;
        synchronized (this) {
            if (ended || closeSent || socket == null) {
                return CompletableFuture.failedFuture(notConnected());
            }
            if (unsent.get() + size > maxUnsentBytes) {
                written = null;
            } else {
                unsent.addAndGet(size);
                WebSocket ws = socket;
                // the JDK socket takes one text message at a time: chain them
                written = sendTail.handle((ok, error) -> null)
                        .thenCompose(ignored -> ws.sendText(frame, true))
                        .thenApply(ws2 -> (Void) null);
                sendTail = written;
            }
        }
        if (written == null) {
            String why = "peer is not reading (more than " + maxUnsentBytes + " bytes unsent)";
            abort(why);
            return CompletableFuture.failedFuture(new ConnectorException(label + ": " + why));
        }
        log.trace("{} >> {}", label, frame);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        written.whenComplete((ok, error) -> {
            unsent.addAndGet(-size);
            if (error == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(new ConnectorException(label + ": send failed", error));
            }
        });
        return sent;
    }

    CompletableFuture<Void> close() {
        closeWith(NORMAL, "closed", null);
        return closed.copy();
    }

    CompletableFuture<Void> abort(String reason) {
        String why = reason == null || reason.isEmpty() ? "aborted" : reason;
        closeWith(POLICY, why, new ConnectorException(label + ": " + why));
        return closed.copy();
    }

    /** Drops the TCP connection with no close frame (a crash, a pulled cable) and reports {@code cause}. */
    void cut(Throwable cause) {
        synchronized (this) {
            if (localCause == null && !ended) {
                localCause = cause;
            }
        }
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end(cause, "cut");
    }

    /** Drops a socket whose connect was given up (timed out, closed meanwhile): no end is reported. */
    void discard() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            closeSent = true;
        }
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        closed.complete(null);
    }

    synchronized boolean isConnected() {
        return socket != null && !ended && !closeSent;
    }

    boolean pauseReading() {
        ReadDemand d = demand;
        if (d != null) {
            d.pause();
        }
        return true;
    }

    void resumeReading() {
        heard = true;
        ReadDemand d = demand;
        if (d != null) {
            d.resume();
        }
    }

    /**
     * Sends a close frame with {@code code} and {@code reason}; {@code cause} (may be null) is what
     * the listener is told. The peer has {@link #CLOSE_GRACE} to answer, then the TCP connection
     * is dropped.
     */
    void closeWith(int code, String reason, Throwable cause) {
        WebSocket ws;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (cause != null && localCause == null) {
                localCause = cause;
            }
            if (closeSent) {
                return;
            }
            closeSent = true;
            ws = socket;
            if (ws != null) {
                forcedEnd = scheduler.schedule(() -> forceEnd("no answer to the close frame"),
                        CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        if (ws == null) {
            end(localCauseOrNull(), "closed before open");
            return;
        }
        ws.sendClose(code, TextSizes.closeReason(reason)).whenComplete((ok, error) -> {
            if (error != null) {
                log.debug("{}: close frame not sent", label, error);
                forceEnd("close frame not sent");
            }
        });
    }

    /** Starts pinging every interval on the scheduler; the ticks stop with the link. */
    void startKeepAlive(KeepAlive settings) {
        long interval = settings.interval().toNanos();
        synchronized (this) {
            if (ended) {
                return;
            }
            keepAliveTicks = scheduler.scheduleAtFixedRate(() -> keepAliveTick(settings), interval, interval,
                    TimeUnit.NANOSECONDS);
        }
    }

    /**
     * One keepalive tick: counts the ticks since anything arrived (a paused link counts as heard),
     * closes (1001) once they span more than the timeout, else pings. A tick after that close
     * with the end still unreported (the close frame stuck behind a full TCP window) drops the
     * connection. Never blocks.
     */
    void keepAliveTick(KeepAlive settings) {
        if (closedForSilence) {
            forceEnd("no answer to pings");
            return;
        }
        ReadDemand d = demand;
        boolean alive = heard || (d != null && d.paused());
        heard = false;
        silentTicks = alive ? 0 : silentTicks + 1;
        Duration silent = settings.interval().multipliedBy(silentTicks);
        if (silent.compareTo(settings.timeout()) > 0) {
            closedForSilence = true;
            long silentMs = silent.toMillis();
            log.info("{}: no answer to WebSocket pings for {} ms, closing", label, silentMs);
            closeWith(GOING_AWAY, "no answer to pings for " + silentMs + " ms",
                    new ConnectorException(label + ": peer silent for " + silentMs
                            + " ms (no answer to WebSocket pings)"));
            return;
        }
        WebSocket ws = socket;
        if (ws != null && isConnected()) {
            ws.sendPing(ByteBuffer.allocate(0));
        }
    }

    /**
     * The failure of a send on a link that is closing or closed: it names what ended the link (a
     * server that refused right after the upgrade, with its code and reason), so a caller whose
     * first send lost the race with that close still learns why.
     */
    private ConnectorException notConnected() {
        Throwable why = endCause != null ? endCause : localCause;
        return why == null ? new ConnectorException(label + ": not connected")
                : new ConnectorException(label + ": not connected: " + why.getMessage(), why);
    }

    private synchronized Throwable localCauseOrNull() {
        return localCause;
    }

    /** Our close frame got no answer: drop the connection and report the end. */
    private void forceEnd(String why) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        end(localCauseOrNull(), why);
    }

    private void end(Throwable cause, String how) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            closeSent = true;
            if (endCause == null) {
                endCause = cause;
            }
            for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {forcedEnd, keepAliveTicks}) {
                if (timer != null) {
                    timer.cancel(false);
                }
            }
        }
        delivery.end(cause);
        log.info("{}: closed ({})", label, how);
        closed.complete(null);
    }
}
