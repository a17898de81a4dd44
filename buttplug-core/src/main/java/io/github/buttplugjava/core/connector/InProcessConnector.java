package io.github.buttplugjava.core.connector;

import io.github.buttplugjava.core.internal.HandOffListener;
import io.github.buttplugjava.core.internal.SerialExecutor;
import io.github.buttplugjava.core.Scheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One end of an in-memory pipe between a client and a server in the same JVM. Frames are the
 * same JSON text a socket would carry, so the codecs are exercised.
 *
 * <p>Make both ends with {@link #pair()}. Delivery is asynchronous and in order: each end hands
 * frames to its listener on its own serial executor, never on the sender's thread. (The library's
 * own clients and server sessions are handed frames on the sender's thread: a session idle at that
 * moment handles a client's frame right there, up to the devices' commands, and a client takes the
 * reply to the request it is sending there; anything else still runs on their executors, in order.
 * See {@code docs/ARCHITECTURE.md}, "What runs on the caller's thread".) Frames sent
 * before the other end connects wait for it. Closing either end closes both; each listener then
 * gets {@code onClosed(null)} once, after every frame sent before the close.
 */
public final class InProcessConnector implements ButtplugConnector {

    private static final Logger log = LoggerFactory.getLogger(InProcessConnector.class);

    private final Executor delivery;
    private final String label;
    private final List<String> waiting = new ArrayList<>();
    private InProcessConnector peer;
    private FrameListener listener;
    private boolean closed;
    /** A {@link HandOffListener} is being handed the early frames; it is not the listener yet. */
    private boolean connecting;

    private InProcessConnector(String label, Executor backing) {
        this.label = label;
        this.delivery = new SerialExecutor(backing);
    }

    /**
     * Two connected ends, delivering on the executor of {@link Scheduling#defaults()}.
     *
     * @return the client end and the server end, neither connected yet
     */
    public static Pair pair() {
        return pair(Scheduling.defaults().executor());
    }

    /**
     * Two connected ends, delivering on {@code executor} (each end serially).
     *
     * @param executor runs the deliveries; each end uses it through its own serial executor
     * @return the client end and the server end, neither connected yet
     */
    public static Pair pair(Executor executor) {
        InProcessConnector client = new InProcessConnector("client", executor);
        InProcessConnector server = new InProcessConnector("server", executor);
        client.peer = server;
        server.peer = client;
        return new Pair(client, server);
    }

    /**
     * Both ends of a pipe.
     *
     * @param client the end to give a client
     * @param server the end to give a server
     */
    public record Pair(InProcessConnector client, InProcessConnector server) {
    }

    /** @return completes at once; fails with {@link ConnectorException} when already connected or closed */
    @Override
    public CompletableFuture<Void> connect(FrameListener listener) {
        Objects.requireNonNull(listener, "listener");
        List<String> early;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectorException("in-process " + label + " connector is closed"));
            }
            if (this.listener != null || connecting) {
                return CompletableFuture.failedFuture(new ConnectorException("in-process " + label + " connector already connected"));
            }
            if (listener instanceof HandOffListener) {
                connecting = true;
            } else {
                this.listener = listener;
                early = List.copyOf(waiting);
                waiting.clear();
                early.forEach(frame -> delivery.execute(() -> listener.onFrame(frame)));
                return CompletableFuture.completedFuture(null);
            }
        }
        connectHandingOff(listener);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Hands the frames that came early to a {@link HandOffListener} on this thread, outside the lock;
     * frames sent meanwhile wait behind them, and it becomes the listener once none is left.
     */
    private void connectHandingOff(FrameListener handOff) {
        boolean closedMeanwhile;
        while (true) {
            List<String> early;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    listener = handOff;
                    connecting = false;
                    closedMeanwhile = closed;
                    break;
                }
                early = List.copyOf(waiting);
                waiting.clear();
            }
            early.forEach(handOff::onFrame);
        }
        if (closedMeanwhile) {
            delivery.execute(() -> handOff.onClosed(null)); // the close found no listener to tell
        }
    }

    /** @return completes once queued for the other end; fails with {@link ConnectorException} when closed */
    @Override
    public CompletableFuture<Void> send(String frame) {
        Objects.requireNonNull(frame, "frame");
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectorException("in-process " + label + " connector is closed"));
            }
        }
        log.debug("{} -> {}", label, frame);
        peer.receive(frame);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close() {
        closeEnd();
        peer.closeEnd();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized boolean isConnected() {
        return listener != null && !closed;
    }

    private void receive(String frame) {
        FrameListener target;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (listener == null) {
                waiting.add(frame);
                return;
            }
            target = listener;
        }
        if (target instanceof HandOffListener handOff) {
            handOff.onLocalFrame(frame); // handled here when its executor is idle, else queued there
        } else {
            delivery.execute(() -> target.onFrame(frame));
        }
    }

    private void closeEnd() {
        FrameListener target;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            target = listener;
            waiting.clear();
        }
        if (target != null) {
            delivery.execute(() -> target.onClosed(null));
        }
    }
}
