package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.remote.link.Heartbeat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The entry node's end of a bridged link: pipes the socket's frames to the owner and the owner's
 * frames to the socket. Frames from the socket wait (bounded) until the owner has opened its
 * end. When the owner closes, the frames it sent before its close are still delivered (a denial,
 * a last error) for up to {@value #DRAIN_MS} ms, then the socket closes; when the socket closes,
 * the owner is told at once. An agent link whose owner sent it a hub heartbeat frame is beaten
 * here on each of that owner's beat messages from then on ({@link RelayedBeats}), until it closes.
 */
final class EntryEnd implements BridgeEnd, FrameListener, RelayedBeats.Target {

    static final long DRAIN_MS = 250;
    private static final int MAX_WAITING = 256;

    private final String link;
    private final String owner;
    private final ButtplugConnector socket;
    private final boolean agent;
    private final Bridges bridges;
    private final BridgeSender sender;
    private final ScheduledExecutorService timers;
    private final Deque<String> waiting = new ArrayDeque<>();
    private boolean open;
    private boolean closed;
    private long sent;
    private long received;
    private long closeAfter = -1;
    private String closeReason;
    private boolean beating;

    EntryEnd(String link, String owner, ButtplugConnector socket, boolean agent, Bridges bridges, BridgeSender sender,
             ScheduledExecutorService timers) {
        this.agent = agent;
        this.link = link;
        this.owner = owner;
        this.socket = socket;
        this.bridges = bridges;
        this.sender = sender;
        this.timers = timers;
    }

    @Override
    public String peer() {
        return owner;
    }

    /** The owner opened its end: frames that waited go first, in order. */
    void opened() {
        long count = -1;
        synchronized (this) {
            if (closed) {
                count = sent;
            }
        }
        if (count >= 0) {
            // the socket closed while the owner was opening: its notice may have gone before the
            // owner's end existed, so tell it again now that it does
            sender.close(owner, link, "the peer left the entry node", count);
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            while (!waiting.isEmpty()) {
                if (!sender.frame(owner, link, waiting.poll(), this::refused)) {
                    break;
                }
                sent++;
            }
            open = true;
        }
    }

    /**
     * The owner did not open its end: a passing failure, so an agent's socket is closed in order
     * (the agent dials again) and a controller's with the reason.
     */
    void failed(String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        bridges.remove(link);
        leaveBeats();
        if (agent) {
            socket.close();
        } else {
            socket.abort(reason);
        }
    }

    // ---- from the socket

    @Override
    public void onFrame(String frame) {
        boolean ok;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (!open) {
                if (waiting.size() < MAX_WAITING) {
                    waiting.add(frame);
                    return;
                }
                ok = false;
            } else {
                ok = sender.frame(owner, link, frame, this::refused);
                if (ok) {
                    sent++; // the close notice counts only frames the owner can wait for
                }
            }
        }
        if (!ok) {
            endBoth("the bridge could not carry a frame");
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        long count;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            count = sent;
        }
        bridges.remove(link);
        leaveBeats();
        sender.close(owner, link, "the peer left the entry node", count);
    }

    /** A frame queued for the owner was refused later (NATS would not take it). */
    private void refused() {
        endBoth("the bridge could not carry a frame");
    }

    private void endBoth(String reason) {
        long count;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            count = sent;
        }
        bridges.remove(link);
        leaveBeats();
        sender.close(owner, link, reason, count);
        socket.abort(reason);
    }

    // ---- from the owner

    @Override
    public void fromPeer(String frame) {
        boolean closeNow;
        boolean joinBeats = false;
        synchronized (this) {
            if (closed && closeAfter < 0) {
                return;
            }
            received++;
            closeNow = closeAfter >= 0 && received >= closeAfter;
            if (agent && !beating && !closed && Heartbeat.isHeartbeat(frame)) {
                beating = true;
                joinBeats = true;
            }
        }
        if (joinBeats) {
            bridges.relayed().add(owner, this);
            if (isClosed()) {
                leaveBeats(); // it closed meanwhile, perhaps before the add: leave no stale member
            }
        }
        socket.send(frame);
        if (closeNow) {
            finishClose();
        }
    }

    @Override
    public void peerClosed(String reason, long framesSent) {
        boolean drain;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            drain = framesSent > received;
            if (drain) {
                closeAfter = framesSent;
                bridges.reAdd(link, this);
                timers.schedule(this::finishClose, DRAIN_MS, TimeUnit.MILLISECONDS);
            }
        }
        leaveBeats();
        if (!drain) {
            socket.abort(reason);
        }
    }

    /** One relayed hub heartbeat to the socket; false once closed (draining included: no beats then). */
    @Override
    public boolean beat() {
        if (isClosed()) {
            return false;
        }
        socket.send(Heartbeat.FRAME);
        return true;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void leaveBeats() {
        boolean was;
        synchronized (this) {
            was = beating;
        }
        if (was) {
            bridges.relayed().remove(owner, this);
        }
    }

    private void finishClose() {
        String reason;
        synchronized (this) {
            if (closeAfter < 0) {
                return;
            }
            closeAfter = -1;
            reason = closeReason;
        }
        bridges.remove(link);
        socket.abort(reason);
    }
}
