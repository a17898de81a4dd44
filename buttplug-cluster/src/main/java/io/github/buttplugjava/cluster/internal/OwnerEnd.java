package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.ConnectorException;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.link.Heartbeat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * The owner's end of a bridged link: to the hub it is a link like a socket. Frames from the entry
 * node go to the listener; frames the hub sends go to the entry node; a close either way ends
 * it at once (a close from the entry node runs ahead of frames still queued: stop first).
 * Reading cannot be paused across the bridge, so the hub's session refuses or aborts instead.
 * When the entry node relays hub heartbeats ({@link RelayedBeats}), the link's first heartbeat
 * frame crosses as a frame (the entry node then beats the link) and the later ones go as one beat
 * message per entry node and tick ({@link OwnerBeats}).
 */
final class OwnerEnd implements ButtplugConnector, BridgeEnd {

    private static final int MAX_EARLY_FRAMES = 256;

    private final String link;
    private final String entry;
    private final Bridges bridges;
    private final BridgeSender sender;
    private final OwnerBeats beats;
    private final Deque<String> early = new ArrayDeque<>();
    private FrameListener listener;
    private boolean closed;
    private String closeReason;
    private long sent;
    private boolean firstBeatSent;

    /** An end whose heartbeats cross as frames (an entry node that does not relay them). */
    OwnerEnd(String link, String entry, Bridges bridges, BridgeSender sender) {
        this(link, entry, bridges, sender, null);
    }

    /**
     * @param beats the owner's beats to entry nodes, when {@code entry} relays hub heartbeats; else null
     */
    OwnerEnd(String link, String entry, Bridges bridges, BridgeSender sender, OwnerBeats beats) {
        this.link = link;
        this.entry = entry;
        this.bridges = bridges;
        this.sender = sender;
        this.beats = beats;
    }

    @Override
    public String peer() {
        return entry;
    }

    @Override
    public CompletableFuture<Void> connect(FrameListener l) {
        synchronized (this) {
            if (listener != null) {
                return CompletableFuture.failedFuture(new ConnectorException("already connected"));
            }
            listener = l;
            while (!early.isEmpty()) {
                l.onFrame(early.poll());
            }
            if (!closed) {
                return CompletableFuture.completedFuture(null);
            }
        }
        l.onClosed(new ConnectorException(closeReason));
        return CompletableFuture.failedFuture(new ConnectorException("the bridged link closed: " + closeReason));
    }

    @Override
    public CompletableFuture<Void> send(String frame) {
        boolean relayed = false;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectorException("the bridged link is closed"));
            }
            if (beats != null && Heartbeat.isHeartbeat(frame)) {
                relayed = firstBeatSent;
                firstBeatSent = true;
            }
            if (!relayed) {
                sent++;
            }
        }
        if (relayed) {
            beats.beat(entry); // the entry node beats this link with the others it bridges here
            return CompletableFuture.completedFuture(null);
        }
        if (!sender.frame(entry, link, frame, () -> abort("the cluster's messaging would not take a frame"))) {
            synchronized (this) {
                sent--; // not sent: the close notice counts only what the entry node can wait for
            }
            abort("the cluster's messaging would not take a frame");
            return CompletableFuture.failedFuture(new ConnectorException("the cluster's messaging would not take the frame"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> close() {
        return abort("closed by the room's owner");
    }

    @Override
    public CompletableFuture<Void> abort(String reason) {
        FrameListener l;
        long count;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(null);
            }
            closed = true;
            closeReason = reason;
            l = listener;
            count = sent;
        }
        bridges.remove(link);
        sender.close(entry, link, reason, count);
        if (l != null) {
            l.onClosed(null);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized boolean isConnected() {
        return listener != null && !closed;
    }

    @Override
    public void fromPeer(String frame) {
        FrameListener l;
        synchronized (this) {
            if (closed) {
                return;
            }
            l = listener;
            if (l == null) {
                if (early.size() < MAX_EARLY_FRAMES) {
                    early.add(frame);
                    return;
                }
            }
        }
        if (l == null) {
            abort("too many frames before the hub took the link");
            return;
        }
        l.onFrame(frame);
    }

    @Override
    public void peerClosed(String reason, long framesSent) {
        FrameListener l;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            early.clear();
            l = listener;
        }
        if (l != null) {
            l.onClosed(new ConnectorException("entry node: " + reason));
        }
    }
}
