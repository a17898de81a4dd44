package io.github.buttplugjava.transport.ws;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ButtplugConnector} face of one open Tyrus WebSocket session of the dialing
 * {@link WebSocketConnector}: closes, reports and limits frames as the server's links do, and
 * bounds the bytes handed to {@link #send} and not yet written (abort 1008 past the bound).
 */
final class SessionPipe implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(SessionPipe.class);

    private final Session session;
    private final String label;
    private final String path;
    private final int maxFrameSize;
    private final long maxUnsentBytes;
    private final FrameDelivery delivery;
    private final AtomicLong unsent = new AtomicLong();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicReference<Throwable> localCloseCause = new AtomicReference<>();
    private final AtomicReference<Throwable> transportError = new AtomicReference<>();

    private volatile boolean ended;
    /** When anything (frame, pong) last arrived from the peer, in {@link System#nanoTime()}. */
    private volatile long lastHeard = System.nanoTime();
    /** Set by the keepalive tick that closed this socket for silence; only that one thread touches it. */
    private boolean closedForSilence;

    SessionPipe(Session session, String label, FrameListener listener, String path, int maxFrameSize,
                long maxUnsentBytes) {
        this.session = Objects.requireNonNull(session, "session");
        this.label = label;
        this.path = path;
        this.maxFrameSize = maxFrameSize;
        this.maxUnsentBytes = maxUnsentBytes;
        this.delivery = new FrameDelivery(label, listener);
    }

    String label() {
        return label;
    }

    /** The request path of the upgrade. */
    String path() {
        return path;
    }

    /** Frames held until the handler connects (for tests). */
    int earlyFrames() {
        return delivery.earlyFrames();
    }

    /** Completes once the end of the socket has been reported. */
    CompletableFuture<Void> closedFuture() {
        return closed;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener frameListener) {
        return delivery.connect(frameListener);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        Objects.requireNonNull(frame, "frame");
        if (ended || !session.isOpen()) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": not connected"));
        }
        long size = utf8Length(frame);
        if (unsent.addAndGet(size) > maxUnsentBytes) {
            unsent.addAndGet(-size);
            String why = "peer is not reading (more than " + maxUnsentBytes + " bytes unsent)";
            abort(why);
            return CompletableFuture.failedFuture(new ConnectorException(label + ": " + why));
        }
        log.trace("{} >> {}", label, frame);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                unsent.addAndGet(-size);
                if (result.isOK()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(new ConnectorException(label + ": send failed", result.getException()));
                }
            });
        } catch (RuntimeException e) {
            unsent.addAndGet(-size);
            sent.completeExceptionally(new ConnectorException(label + ": send failed", e));
        }
        return sent;
    }

    /** Closes with 1008 and {@code reason}; the listener is told a {@link ConnectorException} carrying it. */
    @Override
    public CompletableFuture<Void> abort(String reason) {
        String why = reason == null || reason.isEmpty() ? "aborted" : reason;
        closeWith(CloseReason.CloseCodes.VIOLATED_POLICY, why, new ConnectorException(label + ": " + why));
        if (session.isOpen()) {
            // do not wait behind a full TCP window: the close frame may never be written
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
                if (!ended) {
                    onClose(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, why));
                    try {
                        session.close();
                    } catch (IOException | RuntimeException e) {
                        log.debug("{}: close failed", label, e);
                    }
                }
            });
        }
        return closed.copy();
    }

    @Override
    public CompletableFuture<Void> close() {
        closeWith(CloseReason.CloseCodes.NORMAL_CLOSURE, "closed", null);
        return closed.copy();
    }

    @Override
    public boolean isConnected() {
        return !ended && session.isOpen();
    }

    /** Closes the socket with a code and reason; {@code cause} (may be null) is what the listener is told. */
    void closeWith(CloseReason.CloseCode code, String reason, Throwable cause) {
        if (cause != null) {
            localCloseCause.compareAndSet(null, cause);
        }
        if (!session.isOpen()) {
            // already closing or closed; the end is (or will be) reported by onClose
            return;
        }
        try {
            session.close(new CloseReason(code, truncate(reason)));
        } catch (IOException | RuntimeException e) {
            log.debug("{}: close failed", label, e);
            onClose(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "close failed"));
        }
    }

    /** Anything at all arrived from the peer: it is alive. */
    void heard() {
        lastHeard = System.nanoTime();
    }

    /**
     * One keepalive tick: closes the socket when nothing arrived for longer than {@code timeoutNanos},
     * else sends a ping. Never blocks.
     */
    void keepAlive(long nowNanos, long timeoutNanos) {
        if (ended) {
            return;
        }
        long silentMs = TimeUnit.NANOSECONDS.toMillis(nowNanos - lastHeard);
        if (nowNanos - lastHeard > timeoutNanos) {
            if (closedForSilence) {
                // a tick after our close frame the end is still unreported: the frame is stuck behind
                // a full TCP window of the frozen peer, so report the end without waiting for the write
                onClose(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "no answer to pings"));
                return;
            }
            closedForSilence = true;
            log.info("{}: no answer to WebSocket pings for {} ms, closing", label, silentMs);
            closeWith(CloseReason.CloseCodes.GOING_AWAY, "no answer to pings for " + silentMs + " ms",
                    new ConnectorException(label + ": peer silent for " + silentMs
                            + " ms (no answer to WebSocket pings)"));
            return;
        }
        if (!session.isOpen()) {
            return;
        }
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            log.debug("{}: ping failed", label, e);
        }
    }

    void onText(String frame) {
        heard();
        if (utf8Length(frame) > maxFrameSize) {
            // Tyrus enforces its text limit only on fragmented messages; a single frame is checked here
            closeWith(CloseReason.CloseCodes.TOO_BIG, "frame larger than " + maxFrameSize + " bytes",
                    new ConnectorException(label + ": peer sent a frame larger than " + maxFrameSize + " bytes"));
            return;
        }
        log.trace("{} << {}", label, frame);
        if (!delivery.deliver(frame)) {
            closeWith(CloseReason.CloseCodes.VIOLATED_POLICY, "too many frames before the session was ready",
                    new ConnectorException(label + ": too many frames before the session was ready"));
        }
    }

    void onBinary() {
        heard();
        closeWith(CloseReason.CloseCodes.CANNOT_ACCEPT, "binary frames are not accepted; Buttplug uses text frames",
                new ConnectorException(label + ": peer sent a binary frame"));
    }

    void onError(Throwable error) {
        transportError.compareAndSet(null, error);
        log.debug("{}: transport error", label, error);
    }

    void onClose(CloseReason reason) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        delivery.end(causeOf(reason));
        log.info("{}: closed ({} {})", label, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        closed.complete(null);
    }

    /** Null for an orderly end, else an exception saying why. */
    private Throwable causeOf(CloseReason reason) {
        Throwable local = localCloseCause.get();
        if (local != null) {
            return local;
        }
        Throwable error = transportError.get();
        int code = reason.getCloseCode().getCode();
        boolean orderly = code == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()
                || code == CloseReason.CloseCodes.GOING_AWAY.getCode();
        if (orderly && error == null) {
            return null;
        }
        return new ConnectorException(label + ": closed with code " + code
                + (reason.getReasonPhrase() == null || reason.getReasonPhrase().isEmpty()
                        ? "" : " (" + reason.getReasonPhrase() + ")"), error);
    }

    /** UTF-8 size of {@code s}, counted without copying. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** A close reason must fit in 123 UTF-8 bytes. */
    static String truncate(String reason) {
        String r = reason == null ? "" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
