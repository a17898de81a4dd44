package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.codec.ClientCodec;
import io.github.buttplugjava.core.codec.SpecVersion;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.internal.OrderedDeadlines;
import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.ServerMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * The spec v1 wire of one buttplug-js 0.13 forwarder link: commands written straight to the link
 * in v1 (one-speed {@code VibrateCmd} and {@code StopDeviceCmd} without a JSON generator, through
 * {@link ClientCodec}) under wire Ids of its own, unique on the link (0.13's own hub sends every
 * StopDeviceCmd with Id 1), and the forwarder's replies read back (a lone {@code Ok} without a
 * parser) to complete the command they answer. No v4 frame and no Buttplug client in between.
 *
 * <p>Bounded: at most {@link #MAX_IN_FLIGHT} commands wait for the forwarder (more fail with a
 * device error at once), and each waits at most the reply deadline: a forwarder never sends an
 * {@code Error} and ignores commands for devices it does not know, so a command it does not answer
 * fails when its deadline passes and is forgotten (one timer for all, every command having the same
 * deadline). A reply to no waiting command is returned as unasked. When the link ends,
 * {@link #close} fails every waiting command at once.
 *
 * <p>Thread-safe: commands are written under one lock, so they reach the link in the order they
 * were sent; futures are completed outside it, on the thread that read the reply (the link's event
 * loop) or the deadline's executor.
 */
final class ForwarderWire {

    /** Most commands waiting for the forwarder's reply at once: {@value}. */
    static final int MAX_IN_FLIGHT = 256;

    private final ButtplugConnector link;
    private final ClientCodec codec;
    private final Duration replyTimeout;
    private final OrderedDeadlines<Long> deadlines;
    private final Map<Long, CompletableFuture<Void>> waiting = new HashMap<>();
    /** Commands whose deadline passed in the sweep under way; failed once it has let go of the lock. */
    private final List<CompletableFuture<Void>> expired = new ArrayList<>();
    private long nextWireId;
    private Throwable closed;

    /**
     * @param link          the forwarder's link, connected or about to be
     * @param replyTimeout  how long a command waits for the forwarder's reply
     * @param maxFrameChars the longest frame read from the forwarder
     * @param scheduling    where the reply deadlines are timed
     */
    ForwarderWire(ButtplugConnector link, Duration replyTimeout, int maxFrameChars, Scheduling scheduling) {
        this.link = link;
        this.replyTimeout = replyTimeout;
        this.codec = new ClientCodec(SpecVersion.V1, maxFrameChars);
        this.deadlines = new OrderedDeadlines<>(replyTimeout.toNanos(), scheduling.scheduler(),
                task -> scheduling.executor().execute(() -> sweep(task)), scheduling.nanoClock(), this::expire);
    }

    /**
     * Writes one command to the forwarder under a fresh wire Id.
     *
     * @param command the v4 command under the given wire Id, on a device this wire has read
     * @return completes when the forwarder answers Ok; fails with a device error when it answers
     *         Error, does not answer in time, the link ends, or too many commands wait; with the
     *         codec's error when the command has no v1 form
     */
    CompletableFuture<Void> send(LongFunction<ClientMessage> command) {
        CompletableFuture<Void> reply = new CompletableFuture<>();
        synchronized (this) {
            if (closed != null) {
                return CompletableFuture.failedFuture(closed);
            }
            if (waiting.size() >= MAX_IN_FLIGHT) {
                return CompletableFuture.failedFuture(new ButtplugDeviceException(
                        "too many commands wait for the 0.13 forwarder (most " + MAX_IN_FLIGHT + ")"));
            }
            long id = freshWireId();
            String frame;
            try {
                frame = codec.encode(List.of(command.apply(id)));
            } catch (ButtplugException e) {
                return CompletableFuture.failedFuture(e);
            }
            waiting.put(id, reply);
            deadlines.add(id);
            link.send(frame);
        }
        return reply;
    }

    private long freshWireId() {
        do {
            nextWireId = nextWireId >= Message.MAX_ID ? 1 : nextWireId + 1;
        } while (waiting.containsKey(nextWireId));
        return nextWireId;
    }

    /**
     * Reads one frame of the forwarder: replies complete the commands they answer.
     *
     * @param frame a frame from the forwarder
     * @return the frame's other messages (device lists, replies to no waiting command), in order
     * @throws io.github.buttplugjava.core.codec.DecodeException when the frame is not spec v1
     */
    List<ServerMessage> read(String frame) {
        List<ServerMessage> messages;
        List<ServerMessage> unasked = new ArrayList<>(0);
        CompletableFuture<Void> single = null;
        List<Runnable> settled = null;
        synchronized (this) {
            messages = codec.decode(frame);
            for (ServerMessage m : messages) {
                CompletableFuture<Void> reply = m.id() == Message.SYSTEM_ID || !(m instanceof Ok || m instanceof ErrorMessage)
                        ? null : waiting.remove(m.id());
                if (reply == null) {
                    unasked.add(m);
                    continue;
                }
                deadlines.remove(m.id());
                if (m instanceof ErrorMessage e) {
                    settled = settled == null ? new ArrayList<>(1) : settled;
                    ButtplugException failure = e.code() == ErrorCode.MSG
                            ? ButtplugException.of(ErrorCode.MSG, PeerText.error(e.text()))
                            : new ButtplugDeviceException(PeerText.error(e.text()));
                    settled.add(() -> reply.completeExceptionally(failure));
                } else if (single == null && settled == null) {
                    single = reply;
                } else {
                    settled = settled == null ? new ArrayList<>(2) : settled;
                    settled.add(() -> reply.complete(null));
                }
            }
        }
        if (single != null) {
            single.complete(null);
        }
        if (settled != null) {
            settled.forEach(Runnable::run);
        }
        return unasked;
    }

    /** How many commands wait for the forwarder's reply (for tests). */
    synchronized int waitingCount() {
        return waiting.size();
    }

    /**
     * Fails every waiting and later command with {@code cause}. Idempotent.
     *
     * @param cause what the commands fail with
     */
    void close(Throwable cause) {
        List<CompletableFuture<Void>> failed;
        synchronized (this) {
            if (closed != null) {
                return;
            }
            closed = cause;
            failed = List.copyOf(waiting.values());
            waiting.clear();
            deadlines.close();
        }
        failed.forEach(f -> f.completeExceptionally(cause));
    }

    /** Runs a sweep of the deadlines under the lock, then fails what it expired. */
    private void sweep(Runnable task) {
        List<CompletableFuture<Void>> failed;
        synchronized (this) {
            task.run();
            if (expired.isEmpty()) {
                return;
            }
            failed = List.copyOf(expired);
            expired.clear();
        }
        ButtplugDeviceException late = new ButtplugDeviceException("the 0.13 forwarder did not answer within "
                + replyTimeout.toMillis() + " ms");
        failed.forEach(f -> f.completeExceptionally(late));
    }

    /** Called in a sweep, under the lock: the forwarder did not answer {@code id} in time. */
    private void expire(Long id) {
        CompletableFuture<Void> reply = waiting.remove(id);
        if (reply != null) {
            expired.add(reply);
        }
    }
}
