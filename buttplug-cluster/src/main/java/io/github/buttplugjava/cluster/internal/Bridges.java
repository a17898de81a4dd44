package io.github.buttplugjava.cluster.internal;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The bridged links with an end on this node, by link id, and the three subscriptions that feed
 * them (frames, close notices, and owners' hub heartbeats for the agent links bridged here). Frames and close notices are handed to their ends on the NATS reader thread as they are
 * read ({@link ReaderTap}): no queue of ours lies between NATS and an end, so a close is never
 * held behind frames (stop first); each subscription's queue holds at most the one message being
 * handled. Bounded: at most {@link #maxLinks} bridged links.
 */
public final class Bridges implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bridges.class);

    /**
     * Most messages waiting in the frame (or close) subscription before NATS drops them and reports
     * a slow consumer, which closes every bridged link on the node ({@link #fellBehind}). A guard:
     * the tap keeps each subscription at one.
     */
    static final int PENDING_MESSAGES = 65_536;
    /** Most bytes waiting in the frame (or close) subscription: as {@link #PENDING_MESSAGES}. */
    static final long PENDING_BYTES = 64L << 20;

    /** The shortest wait jnats takes as "do not wait" (zero means "wait for ever"). */
    private static final Duration NO_WAIT = Duration.ofNanos(1);

    private final Map<String, BridgeEnd> links = new ConcurrentHashMap<>();
    private final int maxLinks;
    private final String framePrefix;
    private final Subscription frames;
    private final Subscription closes;
    private final Subscription beats;
    private final RelayedBeats relayed = new RelayedBeats();

    /**
     * Subscribes to the frames and closes sent to {@code node}.
     *
     * @param nats     the connection
     * @param subjects the cluster's subjects
     * @param node     this node's name
     * @param maxLinks most bridged links at once
     * @param tap      the connection's reader tap: it hands this node's frames and closes here
     */
    public Bridges(Connection nats, Subjects subjects, String node, int maxLinks, ReaderTap tap) {
        this(nats, subjects, node, maxLinks, tap, PENDING_MESSAGES, PENDING_BYTES);
    }

    /**
     * To be called by the error listener of the node's bridge connection when jnats discarded a
     * publish (its outgoing queue full; the connection is built to discard rather than wait): the
     * bridge, on the publishing thread, then tries that publish again off that thread.
     */
    public static void discarded() {
        DiscardWatch.discarded();
    }

    /** As above, with the subscriptions' pending limits given (a test drives them with small ones). */
    Bridges(Connection nats, Subjects subjects, String node, int maxLinks, ReaderTap tap, int pendingMessages,
            long pendingBytes) {
        this.maxLinks = maxLinks;
        this.framePrefix = subjects.linksOf(node);
        // plain subscriptions that no thread waits on: the tap takes each message out of its
        // subscription's queue on the reader thread, right after jnats put it there
        this.frames = nats.subscribe(subjects.framesTo(node));
        this.frames.setPendingLimits(pendingMessages, pendingBytes);
        this.closes = nats.subscribe(subjects.closesTo(node));
        this.closes.setPendingLimits(pendingMessages, pendingBytes);
        this.beats = nats.subscribe(subjects.beatsTo(node));
        this.beats.setPendingLimits(pendingMessages, pendingBytes);
        tap.attach(this);
    }

    /** Jnats' reader read {@code m}: a frame or a close of one of this node's links is taken and handled now. */
    void onRead(Message m) {
        String subject = m.getSubject();
        if (subject == null || !subject.startsWith(framePrefix)) {
            return;
        }
        if (subject.endsWith(".f")) {
            Message frame = take(frames);
            if (frame != null) {
                onFrame(frame);
            }
        } else if (subject.endsWith(".c")) {
            Message close = take(closes);
            if (close != null) {
                onClose(close);
            }
        } else if (subject.endsWith(".b")) {
            Message beat = take(beats);
            if (beat != null) {
                relayed.beat(String.valueOf(Subjects.linkOf(beat.getSubject())));
            }
        }
    }

    /** The agent links bridged here whose owners beat on them ({@link RelayedBeats}). */
    RelayedBeats relayed() {
        return relayed;
    }

    /** The message the reader just queued in {@code sub}, without waiting; null when there is none. */
    private static Message take(Subscription sub) {
        try {
            return sub.nextMessage(NO_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IllegalStateException closing) {
            return null; // the connection is closing
        }
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
     * @return how many links were closed
     */
    int closePeer(String node, String reason) {
        relayed.dropOwner(node);
        int closed = 0;
        for (Map.Entry<String, BridgeEnd> e : List.copyOf(links.entrySet())) {
            if (e.getValue().peer().equals(node) && links.remove(e.getKey(), e.getValue())) {
                e.getValue().peerClosed(reason, -1);
                closed++;
            }
        }
        return closed;
    }

    /**
     * NATS dropped messages of this connection (a slow consumer): a bridged stream with a hole in
     * it is never passed on, so every bridged link on this node is closed.
     */
    public void fellBehind() {
        if (!links.isEmpty()) {
            log.warn("this node fell behind its cluster messages (NATS dropped some): closing {} bridged links",
                    links.size());
        }
        closeAll("the hub fell behind its cluster");
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
     * Bridged agent links this node beats for their owners (docs/CLUSTER.md, "Hub heartbeats
     * across the bridge").
     *
     * @return the count
     */
    public int relayedHeartbeatLinks() {
        return relayed.size();
    }

    /**
     * Heartbeat frames this node wrote to bridged agent links for their owners since it started.
     *
     * @return the count
     */
    public long relayedHeartbeats() {
        return relayed.beatsWritten();
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
