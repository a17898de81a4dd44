package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.ButtplugMessageException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.DecodeException;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.core.internal.HandOffListener;
import io.github.buttplugjava.core.internal.InboundFlow;
import io.github.buttplugjava.core.internal.OrderedDeadlines;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One connection of a client: the connector, the codec, request Ids and the replies they wait
 * for (each with a deadline), and the failure of every waiting request when the pipe closes.
 * Everything but the frame listener runs on the client's serial executor.
 *
 * <p>What the server sends is bounded by {@link MessageLimits}: frames waiting (paused, then the
 * link is aborted), messages per frame, and messages per second of what it sends unasked (replies
 * to this connection's own requests are not counted); over the per-frame or rate limit the link
 * is aborted, since a client cannot refuse a server's events. The end of the pipe is handled
 * ahead of frames still waiting.
 */
final class ClientConnection {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

    /** What a connection reports to its client, on the serial executor. */
    interface Events {
        /** A message with Id 0 (or answering no waiting request). */
        void event(ClientConnection connection, ServerMessage message);

        /** A frame this codec cannot read; may return what another reading gives. */
        Optional<List<ServerMessage>> undecodable(ClientConnection connection, String frame, DecodeException error);

        /** The pipe closed (cause null when closed by us without error). */
        void closed(ClientConnection connection, Throwable cause);
    }

    private final ButtplugConnector connector;
    private final SerialExecutor serial;
    private final ScheduledExecutorService timers;
    private final Duration timeout;
    private final Events events;
    private final WaitingRequests<Waiting> waiting = new WaitingRequests<>();
    /** The reply deadlines: one timer for all of them (every request has the same timeout). */
    private final OrderedDeadlines<Long> deadlines;
    private final MessageLimits limits;
    private final InboundFlow inbound;
    private ClientCodec codec;
    private long lastId;
    private boolean closed;
    /** What ended the connection, once {@link #closed}: a request after it names it. */
    private Throwable closedBy;
    /** Set on the connector's thread when it reports its end; frames after that are dropped. */
    private volatile boolean closing;
    /**
     * The thread sending a request whose reply future nobody else holds yet ({@link #requestHere}),
     * while its {@code connector.send} runs; null otherwise. Only that thread ever finds itself here.
     */
    private volatile Thread sendingHere;
    /** The Id of that request; read only by {@link #sendingHere}. */
    private long sendingHereId;

    ClientConnection(ButtplugConnector connector, ClientCodec codec, SerialExecutor serial,
                     Scheduling scheduling, Duration timeout, MessageLimits limits, Events events) {
        this.connector = connector;
        this.codec = codec;
        this.serial = serial;
        this.timers = scheduling.scheduler();
        this.timeout = timeout;
        this.events = events;
        this.limits = limits;
        this.inbound = new InboundFlow(connector, limits, scheduling.nanoClock(), "client connection");
        this.deadlines = new OrderedDeadlines<>(timeout.toNanos(), timers, serial, scheduling.nanoClock(), this::expire);
    }

    /** Connects the pipe; frames are handled on the serial executor from then on. */
    CompletableFuture<Void> open() {
        return connector.connect(new HandOffListener() {
            @Override
            public void onFrame(String frame) {
                if (closing || !inbound.arrived(frame)) {
                    return;
                }
                if (sendingHere == Thread.currentThread() && replyHere(frame)) {
                    return;
                }
                serial.execute(() -> receive(frame));
            }

            @Override
            public void onClosed(Throwable cause) {
                closing = true;
                serial.executeFirst(() -> shutDown(cause == null ? new ConnectorException("Connection closed by the server") : cause));
            }
        });
    }

    ClientCodec codec() {
        return codec;
    }

    void useCodec(ClientCodec codec) {
        this.codec = codec;
    }

    boolean isOpen() {
        return !closed;
    }

    /** Sends one request with a fresh Id; completes with its reply, exceptionally with the server's Error as a typed exception. */
    CompletableFuture<ServerMessage> request(ClientMessage message) {
        CompletableFuture<ServerMessage> reply = new CompletableFuture<>();
        request(message, reply);
        return reply;
    }

    /**
     * Sends one request with a fresh Id and completes {@code reply} as {@link #request(ClientMessage)}
     * completes its future (the client's own future, so no second stage is chained per request).
     */
    void request(ClientMessage message, CompletableFuture<ServerMessage> reply) {
        send(message, reply, false);
    }

    /**
     * As {@link #request(ClientMessage, CompletableFuture)}, for a {@code reply} that no code but
     * this connection's holds yet (the client has not returned it): when the server answers during
     * the send itself (an in-process server that ran the request on this thread), the reply is taken
     * here and {@code reply} completes before this returns. Only that one reply: any other frame
     * read meanwhile is queued, and taking the reply here would not overtake it (see
     * {@link #replyHere}). No request deadline is armed for a reply taken here.
     */
    void requestHere(ClientMessage message, CompletableFuture<ServerMessage> reply) {
        send(message, reply, true);
    }

    private void send(ClientMessage message, CompletableFuture<ServerMessage> reply, boolean here) {
        if (closed) {
            reply.completeExceptionally(closedBy == null ? new ConnectorException("Not connected")
                    : new ConnectorException("Not connected: " + closedBy.getMessage(), closedBy));
            return;
        }
        long id = nextId();
        ClientMessage stamped = message.withId(id);
        String frame;
        try {
            frame = codec.encode(List.of(stamped));
        } catch (ButtplugException e) {
            reply.completeExceptionally(e);
            return;
        }
        waiting.put(id, new Waiting(stamped, reply));
        if (log.isTraceEnabled()) {
            log.trace("client -> {}", frame);
        }
        CompletableFuture<Void> sent;
        if (here) {
            sendingHereId = id;
            sendingHere = Thread.currentThread();
            try {
                sent = connector.send(frame);
            } finally {
                sendingHere = null;
                if (waiting.contains(id)) {
                    deadlines.add(id); // not answered during the send
                }
            }
        } else {
            deadlines.add(id);
            sent = connector.send(frame);
        }
        if (sent.isDone() && !sent.isCompletedExceptionally()) {
            return; // queued at once (in process): nothing to watch
        }
        sent.whenComplete((ok, error) -> {
            if (error != null) {
                serial.execute(() -> fail(id, error instanceof ButtplugException b ? b
                        : new ConnectorException("Could not send " + stamped.messageName(), error)));
            }
        });
    }

    /**
     * Closes the pipe because the server broke a limit (the server is told the reason where the
     * transport can) and fails every waiting request with {@code cause}.
     */
    void abort(ButtplugException cause) {
        if (!closed) {
            connector.abort(cause.getMessage());
        }
        shutDown(cause);
    }

    /** Closes the pipe and fails every waiting request with {@code cause}. */
    void close(ButtplugException cause) {
        if (!closed) {
            connector.close();
        }
        shutDown(cause);
    }

    private void shutDown(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        closedBy = cause;
        closing = true;
        inbound.close();
        connector.close();
        ButtplugException failure = cause instanceof ButtplugException b ? b
                : new ConnectorException("Connection lost: " + cause.getMessage(), cause);
        List<Waiting> all = waiting.removeAll();
        deadlines.close();
        for (Waiting w : all) {
            w.reply.completeExceptionally(failure);
        }
        events.closed(this, cause);
    }

    private void receive(String frame) {
        inbound.taken(frame);
        if (closed || closing) {
            return;
        }
        if (log.isTraceEnabled()) {
            log.trace("client <- {}", frame);
        }
        List<ServerMessage> messages;
        try {
            messages = codec.decode(frame);
        } catch (DecodeException e) {
            Optional<List<ServerMessage>> other = events.undecodable(this, frame, e);
            if (other.isEmpty()) {
                boolean answers = e.id() != 0 && waiting.contains(e.id());
                if (!answers && inbound.admit(1, 1) != InboundFlow.Verdict.ADMIT) {
                    abort(new ButtplugMessageException("The server sends more than "
                            + (long) limits.messagesPerSecond() + " messages per second unasked"));
                    return;
                }
                log.warn("undecodable frame from the server: {}", PeerText.error(e.getMessage()));
                if (e.id() != 0) {
                    fail(e.id(), e);
                }
                return;
            }
            messages = other.get();
        }
        int unasked = 0;
        for (ServerMessage message : messages) {
            if (message.id() == Message.SYSTEM_ID || !waiting.contains(message.id())) {
                unasked++;
            }
        }
        switch (inbound.admit(messages.size(), unasked)) {
            case TOO_MANY_IN_FRAME -> {
                abort(new ButtplugMessageException("The server sent " + messages.size()
                        + " messages in one frame; at most " + limits.maxMessagesPerFrame()));
                return;
            }
            case OVER_RATE -> {
                abort(new ButtplugMessageException("The server sends more than "
                        + (long) limits.messagesPerSecond() + " messages per second unasked"));
                return;
            }
            case ADMIT -> {
            }
        }
        for (ServerMessage message : messages) {
            Waiting w = message.id() == Message.SYSTEM_ID ? null : waiting.remove(message.id());
            if (w == null) {
                events.event(this, message);
                continue;
            }
            deadlines.remove(message.id());
            if (message instanceof ErrorMessage error) {
                w.reply.completeExceptionally(ButtplugException.fromErrorMessage(error));
            } else {
                w.reply.complete(message);
            }
        }
    }

    /**
     * A frame read on this thread while it sends a request of {@link #requestHere} (so this thread
     * holds the serial executor, inside that task). Takes it here when it is exactly that request's
     * reply, one message, and no task waits on the executor (a frame queued before it must not be
     * overtaken): the same checks as {@link #receive}, and the reply completes a future nobody has
     * chained on, so no user code runs. Otherwise returns false and the frame is queued as usual.
     */
    private boolean replyHere(String frame) {
        if (closed || serial.hasQueued()) {
            return false;
        }
        List<ServerMessage> messages;
        try {
            messages = codec.decode(frame);
        } catch (DecodeException e) {
            return false; // the queued path reports it
        }
        if (messages.size() != 1 || messages.get(0).id() != sendingHereId || !waiting.contains(sendingHereId)
                || inbound.admit(1, 0) != InboundFlow.Verdict.ADMIT) { // a reply: never charged to the rate
            return false;
        }
        inbound.taken(frame);
        if (log.isTraceEnabled()) {
            log.trace("client <- {}", frame);
        }
        ServerMessage message = messages.get(0);
        Waiting w = waiting.remove(sendingHereId);
        if (message instanceof ErrorMessage error) {
            w.reply.completeExceptionally(ButtplugException.fromErrorMessage(error));
        } else {
            w.reply.complete(message);
        }
        return true;
    }

    private void expire(long id) {
        Waiting w = waiting.remove(id);
        if (w != null) {
            w.reply.completeExceptionally(new ButtplugTimeoutException(
                    w.request.messageName() + " (Id " + id + ") got no reply within " + timeout.toMillis() + " ms"));
        }
    }

    private void fail(long id, ButtplugException error) {
        Waiting w = waiting.remove(id);
        if (w != null) {
            deadlines.remove(id);
            w.reply.completeExceptionally(error);
        }
    }

    private long nextId() {
        do {
            lastId = lastId >= Message.MAX_ID ? 1 : lastId + 1;
        } while (waiting.contains(lastId));
        return lastId;
    }

    private record Waiting(ClientMessage request, CompletableFuture<ServerMessage> reply) {
    }
}
