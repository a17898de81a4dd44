package io.github.buttplugjava.transport.ws.server;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.transport.ws.internal.FrameDelivery;
import io.github.buttplugjava.transport.ws.internal.TextSizes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upgraded server socket: the last handler of its Netty pipeline and the
 * {@link ButtplugConnector} handed to the {@link ConnectionHandler}.
 *
 * <p>Protocol state lives on the channel's event loop; {@link #send}, {@link #close},
 * {@link #abort} and flow control may be called from any thread. Bounds: bytes handed to
 * {@link #send} and not yet written ({@link ServerSettings#maxUnsentBytes()}, else abort 1008),
 * the first text frame ({@link ServerSettings#firstFrameTimeout()}, else 1008), keepalive
 * silence (1001), frames kept before the listener attaches (64, else 1008), a message's size,
 * whole or in fragments ({@link ServerSettings#maxFrameSize()}, else 1009).
 *
 * <p>A text message sent in fragments is put together here (no aggregating handler per socket):
 * the frame decoder before this handler already refuses continuations out of sequence.
 */
final class ServerLink extends ChannelInboundHandlerAdapter implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(ServerLink.class);

    private static final int NORMAL = 1000;
    private static final int GOING_AWAY = 1001;
    private static final int UNSUPPORTED_DATA = 1003;
    private static final int NO_STATUS = 1005;
    private static final int INVALID_DATA = 1007;
    private static final int POLICY = 1008;
    private static final int TOO_BIG = 1009;
    static final int TRY_AGAIN_LATER = 1013;

    private final Channel channel;
    private final LinkLabel label;
    private final ServerSettings settings;
    private final ConnectionRegistry registry;
    private final FrameDelivery delivery;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    /** Bytes handed to the channel and not yet written; through {@link #UNSENT} (no AtomicLong per link). */
    private volatile long unsent;
    private static final AtomicLongFieldUpdater<ServerLink> UNSENT =
            AtomicLongFieldUpdater.newUpdater(ServerLink.class, "unsent");

    private volatile boolean ended;
    /** Our close frame is out (or the peer's was answered): no more sends. */
    private volatile boolean closeSent;
    private volatile boolean paused;
    /** When anything last arrived from the peer (or reading resumed), in {@link #now()} nanoseconds. */
    private volatile long lastHeard;

    // event-loop state
    /** A flush is queued on the event loop for frames written in this turn ({@link #queueFlush}). */
    private boolean flushQueued;
    private boolean heardText;
    private boolean closedForSilence;
    private int localCode;
    private String localReason = "";
    private Throwable localCause;
    private int peerCode = -1;
    private String peerReason = "";
    private Throwable transportError;
    private ScheduledFuture<?> firstFrameTimer;
    private ScheduledFuture<?> forcedClose;
    /** Where this link's keepalive ticks come from; null when the server has no keepalive. */
    private final KeepAliveSweeps keepAlive;
    /** This link's neighbours in its {@link KeepAliveSweeps} bucket; only on the event loop. */
    ServerLink sweepPrev;
    ServerLink sweepNext;
    /** The fragments of a text message so far, or null between messages. */
    private CompositeByteBuf fragments;
    /** Most components a fragmented message keeps before they are merged into one buffer. */
    private static final int MAX_FRAGMENT_COMPONENTS = 16;

    ServerLink(Channel channel, LinkLabel label, ServerSettings settings, ConnectionRegistry registry,
               KeepAliveSweeps keepAlive) {
        this.channel = channel;
        this.label = label;
        this.settings = settings;
        this.registry = registry;
        this.keepAlive = settings.keepAlive() == null ? null : keepAlive;
        this.lastHeard = now();
        this.delivery = new FrameDelivery(label, null, Runnable::run);
    }

    LinkLabel label() {
        return label;
    }

    /** Completes once the end of the socket has been reported. */
    CompletableFuture<Void> closedFuture() {
        return closed;
    }

    /** Frames held until the handler connects (for tests). */
    int earlyFrames() {
        return delivery.earlyFrames();
    }

    // ---- ButtplugConnector -------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        return delivery.connect(listener);
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        Objects.requireNonNull(frame, "frame");
        if (ended || closeSent) {
            return CompletableFuture.failedFuture(new ConnectorException(label + ": not connected"));
        }
        int size = ByteBufUtil.utf8Bytes(frame);
        if (UNSENT.addAndGet(this, size) > settings.maxUnsentBytes()) {
            UNSENT.addAndGet(this, -size);
            String why = "peer is not reading (more than " + settings.maxUnsentBytes() + " bytes unsent)";
            abort(why);
            return CompletableFuture.failedFuture(new ConnectorException(label + ": " + why));
        }
        log.trace("{} >> {}", label, frame);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        ChannelPromise written = channel.newPromise();
        written.addListener(f -> {
            UNSENT.addAndGet(this, -size);
            if (f.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(new ConnectorException(label + ": send failed", f.cause()));
            }
        });
        // encoded into a buffer of the channel's allocator of exactly its size (Netty's text
        // constructor goes through a heap copy and the JDK's encoder over a CharBuffer view)
        ByteBuf payload = channel.alloc().buffer(size);
        ByteBufUtil.reserveAndWriteUtf8(payload, frame, size);
        TextWebSocketFrame out = new TextWebSocketFrame(payload);
        if (channel.eventLoop().inEventLoop()) {
            writeQueued(out, written);
        } else {
            try {
                channel.eventLoop().execute(() -> writeQueued(out, written));
            } catch (RejectedExecutionException stopped) {
                out.release();
                written.tryFailure(stopped);
            }
        }
        return sent;
    }

    /**
     * Writes on the event loop and flushes once at the end of this turn, for every frame written
     * in it: a relay that answers several peers' frames in one turn (a controller's replies from
     * several devices) writes them in one system call instead of one each. The flush runs as a
     * task of the same loop, after the turn's reads; a close frame flushes whatever is queued
     * before it.
     */
    private void writeQueued(TextWebSocketFrame out, ChannelPromise written) {
        channel.write(out, written);
        if (!flushQueued) {
            flushQueued = true;
            try {
                channel.eventLoop().execute(this::flushQueued);
            } catch (RejectedExecutionException stopping) {
                flushQueued();
            }
        }
    }

    private void flushQueued() {
        flushQueued = false;
        channel.flush();
    }

    @Override
    public CompletableFuture<Void> close() {
        closeWith(NORMAL, "closed", null, false);
        return closed.copy();
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        String why = reason == null || reason.isEmpty() ? "aborted" : reason;
        closeWith(POLICY, why, new ConnectorException(label + ": " + why), true);
        return closed.copy();
    }

    @Override
    public boolean isConnected() {
        return !ended && !closeSent && channel.isActive();
    }

    @Override
    public boolean pauseReading() {
        paused = true;
        applyReading();
        return true;
    }

    @Override
    public void resumeReading() {
        lastHeard = now();
        paused = false;
        applyReading();
    }

    /**
     * Sets the channel's reading to the latest of {@link #paused}, on the event loop (at once when
     * called there). Off the loop, epoll honours a cleared autoRead only after the read it has
     * already asked for, which could deliver one more batch of frames; on the loop it stops
     * reading at once, as NIO does. Each task applies the flag as it is when it runs, so a pause
     * and a resume from different threads end in the state asked for last.
     */
    private void applyReading() {
        if (channel.eventLoop().inEventLoop()) {
            channel.config().setAutoRead(!paused);
        } else {
            channel.eventLoop().execute(() -> channel.config().setAutoRead(!paused));
        }
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
        return Optional.ofNullable((InetSocketAddress) channel.remoteAddress());
    }

    // ---- closing -----------------------------------------------------------------------------

    /**
     * Sends a close frame with {@code code} and {@code reason}; {@code cause} (may be null) is what
     * the listener is told. A {@code prompt} close drops the TCP connection as soon as the frame is
     * written (within 1 s at most, so a peer that does not read cannot hold it); otherwise the
     * peer's answering close frame is awaited for the close grace.
     */
    void closeWith(int code, String reason, Throwable cause, boolean prompt) {
        if (!channel.eventLoop().inEventLoop()) {
            try {
                channel.eventLoop().execute(() -> closeWith(code, reason, cause, prompt));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the server has stopped: its event loops are gone, and every channel with them
                log.debug("{}: close after the server stopped", label);
            }
            return;
        }
        if (cause != null && localCause == null && !ended) {
            localCause = cause;
        }
        if (!channel.isActive()) {
            return;
        }
        if (closeSent) {
            if (prompt) {
                scheduleForcedClose(ServerSettings.PROMPT_CLOSE);
            }
            return;
        }
        closeSent = true;
        localCode = code;
        localReason = TextSizes.closeReason(reason);
        var written = channel.writeAndFlush(new CloseWebSocketFrame(code, localReason));
        if (prompt) {
            written.addListener(ChannelFutureListener.CLOSE);
            scheduleForcedClose(ServerSettings.PROMPT_CLOSE);
        } else {
            scheduleForcedClose(settings.closeGrace());
        }
    }

    /** Shed to make room for a newer connection: 1013, dropped promptly. */
    void shed() {
        closeWith(TRY_AGAIN_LATER, "server busy, too many connections waiting",
                new ConnectorException(label + ": shed, too many connections waiting for a first message"), true);
    }

    private void scheduleForcedClose(Duration after) {
        if (forcedClose != null && forcedClose.getDelay(TimeUnit.NANOSECONDS) <= after.toNanos()) {
            return;
        }
        if (forcedClose != null) {
            forcedClose.cancel(false);
        }
        forcedClose = channel.eventLoop().schedule(() -> {
            channel.close();
        }, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ---- Netty events ------------------------------------------------------------------------

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Duration first = settings.firstFrameTimeout();
        firstFrameTimer = ctx.executor().schedule(() -> {
        if (!heardText) {
                String why = "no message within " + ServerSettings.words(first);
                log.debug("{}: {}, closing", label, why);
                closeWith(POLICY, why, new ConnectorException(label + ": " + why), true);
            }
        }, first.toNanos(), TimeUnit.NANOSECONDS);
        if (keepAlive != null && channel.isOpen()) {
            keepAlive.add(this, ctx.executor());
        }
    }

    /** The keepalive's clock: its sweeps' (System.nanoTime() outside tests). */
    private long now() {
        return keepAlive != null ? keepAlive.nanoTime() : System.nanoTime();
    }

    /**
     * One keepalive tick, from the {@link KeepAliveSweeps} (once per interval): close when silent
     * past the timeout, else ping when nothing was heard for about an interval (its last
     * {@link KeepAliveSweeps#BUCKETS}th excepted, so a pong that took less than that does not skip
     * the next ping). On the event loop.
     *
     * @return false once the link has ended (it wants no more ticks)
     */
    boolean keepAliveTick() {
        if (ended || !channel.isOpen()) {
            return false;
        }
        long now = now();
        if (paused) {
            lastHeard = now; // we do not read: the peer cannot be heard, so it is not silent
            return true;
        }
        long silentNanos = now - lastHeard;
        if (silentNanos > settings.keepAlive().timeout().toNanos()) {
            if (!closedForSilence) {
                closedForSilence = true;
                long silentMs = TimeUnit.NANOSECONDS.toMillis(silentNanos);
                log.info("{}: no answer to WebSocket pings for {} ms, closing", label, silentMs);
                closeWith(GOING_AWAY, "no answer to pings for " + silentMs + " ms",
                        new ConnectorException(label + ": peer silent for " + silentMs
                                + " ms (no answer to WebSocket pings)"), true);
            }
            return true;
        }
        if (silentNanos < keepAlive.pingAfterNanos()) {
            return true; // heard within about an interval: no ping needed yet (a new link's first comes an interval in)
        }
        if (!closeSent && channel.isWritable()) {
            channel.writeAndFlush(new PingWebSocketFrame());
        }
        return true;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof WebSocketFrame frame) {
                lastHeard = now();
                onFrame(frame);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onFrame(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            if (text.isFinalFragment()) {
                onText(text.content());
            } else {
                startFragments(text.content());
            }
        } else if (frame instanceof ContinuationWebSocketFrame part) {
            onFragment(part);
        } else if (frame instanceof BinaryWebSocketFrame) {
            closeWith(UNSUPPORTED_DATA, "binary frames are not accepted; Buttplug uses text frames",
                    new ConnectorException(label + ": peer sent a binary frame"), false);
        } else if (frame instanceof PingWebSocketFrame) {
            if (!closeSent) {
                channel.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            }
        } else if (frame instanceof CloseWebSocketFrame close) {
            onPeerClose(close);
        }
        // pongs: heard, nothing more
    }

    /** The first fragment of a text message. */
    private void startFragments(ByteBuf first) {
        if (closeSent) {
            return;
        }
        dropFragments(); // the decoder allows no new message inside one: defensive only
        fragments = channel.alloc().compositeBuffer(MAX_FRAGMENT_COMPONENTS);
        append(first);
    }

    /** A continuation: appended to the message, which is handled once its last fragment is in. */
    private void onFragment(ContinuationWebSocketFrame part) {
        if (fragments == null) {
            return; // the rest of a binary message (refused at its first frame) or of one refused as too big
        }
        if (closeSent) {
            dropFragments(); // closing: nothing more is handled
            return;
        }
        if (!append(part.content())) {
            return;
        }
        if (part.isFinalFragment()) {
            CompositeByteBuf whole = fragments;
            fragments = null;
            try {
                onText(whole);
            } finally {
                whole.release();
            }
        }
    }

    /** Adds a fragment's bytes; past the size bound the message is dropped and the link closed (1009). */
    private boolean append(ByteBuf content) {
        if ((long) fragments.readableBytes() + content.readableBytes() > settings.maxFrameSize()) {
            dropFragments();
            closeWith(TOO_BIG, "message larger than " + settings.maxFrameSize() + " bytes",
                    new ConnectorException(label + ": peer sent a message larger than " + settings.maxFrameSize()
                            + " bytes (in fragments)"), false);
            return false;
        }
        fragments.addComponent(true, content.retain());
        return true;
    }

    private void dropFragments() {
        if (fragments != null) {
            fragments.release();
            fragments = null;
        }
    }

    /** A whole text message. */
    private void onText(ByteBuf content) {
        if (closeSent) {
            return;
        }
        if (!heardText) {
            heardText = true;
            registry.heard(channel);
            firstFrameTimer.cancel(false);
            firstFrameTimer = null; // an idle link holds no spent timer
        }
        String s;
        try {
            s = strictUtf8(content);
        } catch (CharacterCodingException e) {
            closeWith(INVALID_DATA, "invalid UTF-8 in a text frame",
                    new ConnectorException(label + ": peer sent invalid UTF-8"), false);
            return;
        }
        log.trace("{} << {}", label, s);
        if (!delivery.deliver(s)) {
            closeWith(POLICY, "too many frames before the session was ready",
                    new ConnectorException(label + ": too many frames before the session was ready"), false);
        }
    }

    /**
     * The text of a frame, refusing invalid UTF-8. The JDK's own decode (its ASCII path copies the
     * bytes straight into a compact string) replaces every malformed sequence with U+FFFD, so a text
     * without U+FFFD was valid; only one with it is decoded again, strictly, to tell a peer's own
     * U+FFFD from a malformed sequence. (A strict decoder per frame cost ~3 % of the hub's samples.)
     */
    static String strictUtf8(ByteBuf content) throws CharacterCodingException {
        String lenient = content.toString(StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(content.nioBuffer()).toString();
    }

    private void onPeerClose(CloseWebSocketFrame close) {
        if (peerCode >= 0) {
            return;
        }
        int code = close.statusCode();
        peerCode = code < 0 ? NO_STATUS : code;
        peerReason = code < 0 ? "" : close.reasonText();
        if (closeSent) {
            channel.close(); // the peer answered ours: done
            return;
        }
        closeSent = true;
        CloseWebSocketFrame answer = code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
        channel.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
        scheduleForcedClose(ServerSettings.PROMPT_CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable error) {
        if (error instanceof CorruptedWebSocketFrameException corrupt) {
            int code = corrupt.closeStatus().code();
            String why = code == TOO_BIG ? "frame larger than " + settings.maxFrameSize() + " bytes"
                    : corrupt.closeStatus().reasonText();
            String told = code == TOO_BIG ? "peer sent a frame larger than " + settings.maxFrameSize() + " bytes"
                    : "protocol error: " + corrupt.getMessage();
            // not prompt: the decoder discards the rest of the frame while the peer reads our close
            closeWith(code, why, new ConnectorException(label + ": " + told), false);
        } else if (error instanceof TooLongFrameException) {
            closeWith(TOO_BIG, "frame larger than " + settings.maxFrameSize() + " bytes",
                    new ConnectorException(label + ": peer sent a frame larger than " + settings.maxFrameSize()
                            + " bytes"), false);
        } else {
            if (transportError == null) {
                transportError = error;
            }
            log.debug("{}: transport error", label, error);
            channel.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended = true;
        dropFragments();
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {firstFrameTimer, forcedClose}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (keepAlive != null) {
            keepAlive.remove(this, ctx.executor());
        }
        Throwable cause = causeOfEnd();
        delivery.end(cause);
        int code = peerCode >= 0 ? peerCode : closeSent ? localCode : 1006;
        String reason = peerCode >= 0 ? peerReason : closeSent ? localReason : "connection lost";
        log.debug("{}: closed ({}{}{})", label, code, reason.isEmpty() ? "" : " ", PeerText.error(reason));
        closed.complete(null);
        ctx.fireChannelInactive();
    }

    /** Null for an orderly end, else an exception saying why. */
    private Throwable causeOfEnd() {
        if (localCause != null) {
            return localCause;
        }
        if (peerCode >= 0) {
            if ((peerCode == NORMAL || peerCode == GOING_AWAY) && transportError == null) {
                return null;
            }
            return new ConnectorException(label + ": closed with code " + peerCode
                    + (peerReason.isEmpty() ? "" : " (" + PeerText.error(peerReason) + ")"), transportError);
        }
        if (closeSent) {
            if (localCode == NORMAL || localCode == GOING_AWAY) {
                return null;
            }
            return new ConnectorException(label + ": closed with code " + localCode
                    + (localReason.isEmpty() ? "" : " (" + localReason + ")"));
        }
        return new ConnectorException(label + ": connection lost (1006)", transportError);
    }
}
