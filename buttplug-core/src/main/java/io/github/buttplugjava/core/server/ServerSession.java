package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.codec.Decoded;
import io.github.buttplugjava.core.codec.ServerCodec;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.internal.HandOffListener;
import io.github.buttplugjava.core.internal.InboundFlow;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StopCmd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One client's session on a {@link ButtplugServer}, over one connector. Single-use: it ends when
 * the connector closes, and a new connection needs a new session.
 *
 * <p>Frames are decoded by a per-session {@link ServerCodec} (spec v0..v4, fixed by the first
 * RequestServerInfo) and handled serially on the session's own executor, never on the
 * connector's I/O thread. (A frame from a client in the same JVM over an
 * {@link io.github.buttplugjava.core.connector.InProcessConnector} is handled on the client's
 * sending thread when the session is idle, still one at a time and in order: the devices'
 * {@code output} and other commands may then be called on that thread.) What the client may make the session hold is bounded by the server's
 * {@link MessageLimits}: frames waiting (the link is paused, then closed), messages per frame
 * (answered with one Error) and messages per second (the excess is answered with ERROR_MSG and not
 * run; stops are never refused).
 *
 * <p>Stop first: when the connector closes, the session's end runs ahead of every frame still
 * waiting (they are dropped unread). It stops every output the session drove, drops its input
 * subscriptions and stops a scan it started. Thread-safe.
 */
public final class ServerSession {

    private static final Logger log = LoggerFactory.getLogger(ServerSession.class);

    private final ServerSettings settings;
    private final Consumer<ServerSession> onEnd;
    private final ScheduledExecutorService timers;
    private final ButtplugConnector connector;
    private final SerialExecutor serial;
    private final ServerCodec codec;
    private final SessionCore core;
    private final InboundFlow inbound;
    private final MessageLimits limits;
    private final DeviceManager manager;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Integer negotiatedMajor;
    /** Set on the connector's thread when it reports its end; frames after that are dropped unread. */
    private volatile boolean closing;
    /** The handshake deadline; cancelled when the session ends, so the timer does not hold it. */
    private volatile ScheduledFuture<?> handshakeTimer;

    ServerSession(ServerSettings settings, DeviceManager manager, ButtplugConnector connector,
                  Scheduling scheduling, int maxFrameChars,
                  MessageLimits limits, Consumer<ServerSession> onEnd) {
        this.onEnd = onEnd;
        this.settings = settings;
        this.timers = scheduling.scheduler();
        this.connector = connector;
        this.limits = limits;
        this.manager = manager;
        this.serial = new SerialExecutor(scheduling.executor());
        this.codec = new ServerCodec(() -> manager.deviceList(0), maxFrameChars);
        this.core = new SessionCore(settings, manager, serial, timers, scheduling.nanoClock(), this::send);
        this.inbound = new InboundFlow(connector, limits, scheduling.nanoClock(), "server session");
    }

    void start() {
        if (settings.handshakeTimeoutMs() > 0) {
            handshakeTimer = timers.schedule(() -> serial.execute(this::handshakeExpired),
                    settings.handshakeTimeoutMs(), TimeUnit.MILLISECONDS);
        }
        connector.connect(new HandOffListener() {
            @Override
            public void onFrame(String frame) {
                if (closing || !inbound.arrived(frame)) {
                    return;
                }
                serial.execute(() -> receive(frame));
            }

            @Override
            public void onLocalFrame(String frame) {
                if (closing || !inbound.arrived(frame)) {
                    return;
                }
                // an in-process client's frame: handled on its sender's thread when the session is
                // idle (decode, limits, the devices' commands; no user callback), else queued in order
                serial.executeHere(() -> receive(frame));
            }

            @Override
            public void onClosed(Throwable cause) {
                closing = true;
                serial.executeFirst(() -> end(cause));
            }
        }).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("server session could not open its connector", error);
                serial.execute(() -> end(error));
            }
        });
    }

    /**
     * Completes (normally) once the session has ended and released its devices.
     *
     * @return a new future on each call, so completing it does not end the session
     */
    public CompletableFuture<Void> closeFuture() {
        return ended.copy();
    }

    /**
     * Whether the session is still running.
     *
     * @return false once the session has ended
     */
    public boolean isOpen() {
        return !ended.isDone();
    }

    /**
     * The spec version the client negotiated, once its RequestServerInfo was read. Thread-safe
     * snapshot.
     *
     * @return the major version (0..4), or empty before a RequestServerInfo of a known version
     */
    public Optional<Integer> specVersion() {
        return Optional.ofNullable(negotiatedMajor);
    }

    /**
     * Counts as a Ping from the client for the MaxPingTime watchdog: for a link whose other end
     * proves it is alive by means other than Buttplug (the share link's heartbeat, sent by the
     * hub's processing). Runs on the session's executor after the frames already received; does
     * nothing before the handshake, after a ping-out or once the session has ended. Thread-safe.
     */
    public void keepAlive() {
        if (!closing && !ended.isDone()) {
            serial.execute(core::keepAlive);
        }
    }

    /**
     * Closes the connector; the session then ends as on a disconnect.
     *
     * @return a future completing once the session has ended (the same as {@link #closeFuture()})
     */
    public CompletableFuture<Void> close() {
        connector.close();
        return closeFuture();
    }

    private void receive(String frame) {
        inbound.taken(frame);
        if (closing || ended.isDone()) {
            return;
        }
        if (log.isTraceEnabled()) {
            log.trace("session <- {}", frame);
        }
        List<Decoded> decodedFrame = codec.decode(frame);
        negotiatedMajor = codec.version().map(SpecVersion::major).orElse(null);
        int metered = 0;
        for (Decoded decoded : decodedFrame) {
            if (!isStop(decoded)) {
                metered++;
            }
        }
        int rateScale = limits.rateScale(manager.deviceCount());
        InboundFlow.Verdict verdict = inbound.admit(decodedFrame.size(), metered, rateScale);
        if (verdict == InboundFlow.Verdict.TOO_MANY_IN_FRAME) {
            core.reject(0, new ButtplugMessageException("Frame carries " + decodedFrame.size()
                    + " messages; at most " + limits.maxMessagesPerFrame() + " per frame"));
            return;
        }
        for (Decoded decoded : decodedFrame) {
            if (verdict == InboundFlow.Verdict.OVER_RATE && !isStop(decoded)) {
                core.reject(decoded.id(), new ButtplugMessageException("Rate limit: at most "
                        + (long) (limits.messagesPerSecond() * rateScale) + " messages per second"
                        + (rateScale > 1 ? " (" + (long) limits.messagesPerSecond() + " for each of " + rateScale
                        + " devices)" : "")));
            } else if (decoded instanceof Decoded.Request request) {
                core.request(request.id(), request.commands());
            } else if (decoded instanceof Decoded.Rejected rejected) {
                core.reject(rejected.id(), rejected.error());
            }
        }
    }

    /** Stops are never refused for the rate: they can only make a toy safer, and cost little. */
    private static boolean isStop(Decoded decoded) {
        if (!(decoded instanceof Decoded.Request request) || request.commands().isEmpty()) {
            return false;
        }
        for (Object command : request.commands()) {
            if (!(command instanceof StopCmd)) {
                return false;
            }
        }
        return true;
    }

    private void send(List<ServerMessage> messages) {
        Optional<String> frame;
        try {
            frame = codec.encode(messages);
        } catch (RuntimeException e) {
            log.warn("could not encode {} for the client", messages, e);
            return;
        }
        frame.ifPresent(text -> {
            if (log.isTraceEnabled()) {
                log.trace("session -> {}", text);
            }
            connector.send(text).exceptionally(error -> {
                log.debug("frame not sent: {}", error.toString());
                return null;
            });
        });
    }

    /** A client that never sends RequestServerInfo is told so and hung up on, so it holds nothing. */
    private void handshakeExpired() {
        if (ended.isDone() || core.state() != SessionState.AWAITING_HANDSHAKE) {
            return;
        }
        log.info("no RequestServerInfo within {} ms: closing the connection", settings.handshakeTimeoutMs());
        send(List.of(new ErrorMessage(0, ErrorCode.INIT,
                "No RequestServerInfo within " + settings.handshakeTimeoutMs() + " ms")));
        connector.close();
    }

    private void end(Throwable cause) {
        if (ended.isDone()) {
            return;
        }
        closing = true;
        inbound.close();
        ScheduledFuture<?> timer = handshakeTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        if (cause != null) {
            log.info("connection of client '{}' lost: {}", core.clientName(),
                    io.github.buttplugjava.core.PeerText.error(cause.toString()));
        }
        core.closed();
        onEnd.accept(this);
        ended.complete(null);
    }
}
