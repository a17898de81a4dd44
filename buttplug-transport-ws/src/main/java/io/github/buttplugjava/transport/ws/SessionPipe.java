package io.github.buttplugjava.transport.ws;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ButtplugConnector} face of one open WebSocket session; shared by the dialing connector
 * and the server so both sides close, report and limit frames the same way.
 */
final class SessionPipe implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(SessionPipe.class);

    /** Frames that may arrive between the upgrade and the handler attaching its listener. */
    private static final int MAX_EARLY_FRAMES = 64;

    private final Session session;
    private final String label;
    private final String path;
    private final int maxFrameSize;
    private final ListenerQueue calls;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicReference<Throwable> localCloseCause = new AtomicReference<>();
    private final AtomicReference<Throwable> transportError = new AtomicReference<>();

    /** Guards the fields below; never held while the listener runs. */
    private final Object state = new Object();
    private final ArrayDeque<String> early = new ArrayDeque<>();
    private FrameListener listener;
    private volatile boolean ended;
    private Throwable endCause;

    SessionPipe(Session session, String label, FrameListener listener, String path, int maxFrameSize) {
        this.session = Objects.requireNonNull(session, "session");
        this.label = label;
        this.listener = listener;
        this.path = path;
        this.maxFrameSize = maxFrameSize;
        this.calls = new ListenerQueue(label);
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
        synchronized (state) {
            return early.size();
        }
    }

    /** Completes once the end of the socket has been reported. */
    CompletableFuture<Void> closedFuture() {
        return closed;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener frameListener) {
        Objects.requireNonNull(frameListener, "listener");
        synchronized (state) {
            if (listener != null) {
                return CompletableFuture.failedFuture(new ConnectorException(label + ": already connected"));
            }
            if (ended) {
                return CompletableFuture.failedFuture(new ConnectorException(label + ": closed before connect", endCause));
            }
            listener = frameListener;
            while (!early.isEmpty()) {
                String frame = early.poll();
                calls.enqueue(() -> frameListener.onFrame(frame));
            }
        }
        calls.drain();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        Objects.requireNonNull(frame, "frame");
        if (ended || !session.isOpen()) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": not connected"));
        }
        log.debug("{} >> {}", label, frame);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                if (result.isOK()) {
                    sent.complete(null);
                } else {
                    sent.completeExceptionally(new ConnectorException(label + ": send failed", result.getException()));
                }
            });
        } catch (RuntimeException e) {
            sent.completeExceptionally(new ConnectorException(label + ": send failed", e));
        }
        return sent;
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

    void onText(String frame) {
        if (utf8Length(frame) > maxFrameSize) {
            // Tyrus enforces its text limit only on fragmented messages; a single frame is checked here
            closeWith(CloseReason.CloseCodes.TOO_BIG, "frame larger than " + maxFrameSize + " bytes",
                    new ConnectorException(label + ": peer sent a frame larger than " + maxFrameSize + " bytes"));
            return;
        }
        log.debug("{} << {}", label, frame);
        boolean overflow = false;
        synchronized (state) {
            if (ended) {
                return;
            }
            FrameListener target = listener;
            if (target != null) {
                calls.enqueue(() -> target.onFrame(frame));
            } else if (early.size() < MAX_EARLY_FRAMES) {
                early.add(frame);
            } else {
                overflow = true;
            }
        }
        if (overflow) {
            closeWith(CloseReason.CloseCodes.VIOLATED_POLICY, "too many frames before the session was ready",
                    new ConnectorException(label + ": too many frames before the session was ready"));
            return;
        }
        calls.drain();
    }

    void onBinary() {
        closeWith(CloseReason.CloseCodes.CANNOT_ACCEPT, "binary frames are not accepted; Buttplug uses text frames",
                new ConnectorException(label + ": peer sent a binary frame"));
    }

    void onError(Throwable error) {
        transportError.compareAndSet(null, error);
        log.debug("{}: transport error", label, error);
    }

    void onClose(CloseReason reason) {
        synchronized (state) {
            if (ended) {
                return;
            }
            ended = true;
            Throwable cause = causeOf(reason);
            endCause = cause;
            early.clear();
            FrameListener target = listener;
            if (target != null) {
                calls.enqueue(() -> target.onClosed(cause));
            }
        }
        calls.drain();
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
