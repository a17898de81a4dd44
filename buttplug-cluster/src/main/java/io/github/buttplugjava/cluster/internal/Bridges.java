package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The bridged links with an end on this node, by link id, and the two subscriptions that feed
 * them: frames on one dispatcher, close notices on another, so a close overtakes frames still
 * queued (stop first). Bounded: at most {@link #maxLinks} bridged links.
 */
public final class Bridges implements AutoCloseable {

    /** Most frames or bytes waiting in the frame dispatcher before NATS reports a slow consumer. */
    static final int PENDING_MESSAGES = 65_536;
    static final long PENDING_BYTES = 64L << 20;

    private final Map<String, BridgeEnd> links = new ConcurrentHashMap<>();
    private final int maxLinks;
    private final Dispatcher frames;
    private final Dispatcher closes;

    /**
     * Subscribes to the frames and closes sent to {@code node}.
     *
     * @param nats     the connection
     * @param subjects the cluster's subjects
     * @param node     this node's name
     * @param maxLinks most bridged links at once
     */
    public Bridges(Connection nats, Subjects subjects, String node, int maxLinks) {
        this.maxLinks = maxLinks;
        this.frames = nats.createDispatcher(this::onFrame);
        this.frames.setPendingLimits(PENDING_MESSAGES, PENDING_BYTES);
        this.frames.subscribe(subjects.framesTo(node));
        this.closes = nats.createDispatcher(this::onClose);
        this.closes.subscribe(subjects.closesTo(node));
    }

    private void onFrame(Message m) {
        BridgeEnd end = links.get(String.valueOf(Subjects.linkOf(m.getSubject())));
        if (end != null) {
            end.fromPeer(new String(m.getData(), StandardCharsets.UTF_8));
        }
    }

    private void onClose(Message m) {
        BridgeEnd end = links.remove(String.valueOf(Subjects.linkOf(m.getSubject())));
        if (end != null) {
            BridgeSender.CloseNotice notice = BridgeSender.readClose(m.getData());
            end.peerClosed(notice.reason(), notice.framesSent());
        }
    }

    boolean add(String link, BridgeEnd end) {
        synchronized (links) {
            if (links.size() >= maxLinks) {
                return false;
            }
            links.put(link, end);
            return true;
        }
    }

    /** Keeps a closing end reachable while it drains the frames sent before the close. */
    void reAdd(String link, BridgeEnd end) {
        links.putIfAbsent(link, end);
    }

    void remove(String link) {
        links.remove(link);
    }

    /** The nodes at the far end of some bridged link. */
    Set<String> peers() {
        return links.values().stream().map(BridgeEnd::peer).collect(Collectors.toSet());
    }

    /**
     * Closes every link whose far end is {@code node}, as if it had closed them.
     *
     * @param node   the node taken for gone
     * @param reason why
     */
    void closePeer(String node, String reason) {
        for (Map.Entry<String, BridgeEnd> e : List.copyOf(links.entrySet())) {
            if (e.getValue().peer().equals(node) && links.remove(e.getKey(), e.getValue())) {
                e.getValue().peerClosed(reason, -1);
            }
        }
    }

    /**
     * Closes every bridged link (NATS is gone: no far end can be reached).
     *
     * @param reason why
     */
    public void closeAll(String reason) {
        for (Map.Entry<String, BridgeEnd> e : List.copyOf(links.entrySet())) {
            if (links.remove(e.getKey(), e.getValue())) {
                e.getValue().peerClosed(reason, -1);
            }
        }
    }

    /**
     * Bridged links with an end on this node.
     *
     * @return the count
     */
    public int count() {
        return links.size();
    }

    /** Closes every link and stops listening. */
    @Override
    public void close() {
        closeAll("the node is closing"); // the connection's close ends the dispatchers
    }
}
