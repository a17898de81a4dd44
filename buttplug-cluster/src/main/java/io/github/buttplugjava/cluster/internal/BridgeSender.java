package io.github.buttplugjava.cluster.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Publishes the frames and close notices of bridged links. A publish asked for on the NATS reader
 * thread never waits there: it goes through the {@link Outbox} (bounded, in order), because a
 * jnats publish waits while the connection's outgoing queue is full, and the reader would then
 * read nothing (heartbeats included). On a node's connection, built to discard rather than wait
 * ({@link DiscardWatch}), no other thread waits either: a publish jnats discarded goes to the
 * outbox, whose thread tries it again for up to {@link #RETRY_FOR_MS} ms before its link is
 * closed; publishes after it queue behind it, so a link's frames keep their order.
 */
final class BridgeSender {

    /** Most frames waiting in the outbox. */
    static final int OUTBOX_FRAMES = 1024;
    /** Most bytes of frames waiting in the outbox. */
    static final long OUTBOX_BYTES = 4L << 20;
    /** Most close notices waiting in the outbox. */
    static final int OUTBOX_CLOSES = 32_768;
    /** How long the outbox's thread tries again a publish that NATS discarded (its queue full). */
    static final long RETRY_FOR_MS = 5_000;
    private static final long RETRY_EVERY_MS = 10;

    private static final Logger log = LoggerFactory.getLogger(BridgeSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 256;

    private static final byte[] NO_BODY = new byte[0];

    private final Connection nats;
    private final Subjects subjects;
    private final String node;
    private final Outbox outbox;

    BridgeSender(Connection nats, Subjects subjects, String node) {
        this(nats, subjects, node, OUTBOX_FRAMES, OUTBOX_BYTES, OUTBOX_CLOSES);
    }

    /** As above, with the outbox's bounds given (a test drives them with small ones). */
    BridgeSender(Connection nats, Subjects subjects, String node, int maxFrames, long maxBytes, int maxCloses) {
        this(nats, subjects, node, maxFrames, maxBytes, maxCloses, RETRY_FOR_MS);
    }

    /** As above, with how long a discarded publish is tried again (a loaded test machine needs longer). */
    BridgeSender(Connection nats, Subjects subjects, String node, int maxFrames, long maxBytes, int maxCloses,
                 long retryForMs) {
        this.nats = nats;
        this.subjects = subjects;
        this.node = node;
        this.outbox = new Outbox(item -> publishOrWait(nats, item, retryForMs), "cluster-outbox-" + node,
                maxFrames, maxBytes, maxCloses);
    }

    /**
     * Publishes a frame, or queues it in the outbox (see the class comment).
     *
     * @param peer    the node at the other end
     * @param link    the link
     * @param frame   the frame
     * @param refused run when a queued frame is refused later (its link must close)
     * @return false when NATS or the outbox would not take it (closed, larger than NATS' max
     *         payload, or the outbox full): the caller closes the link
     */
    boolean frame(String peer, String link, String frame, Runnable refused) {
        byte[] body = frame.getBytes(StandardCharsets.UTF_8);
        return send(new Outbox.Item(subjects.frame(peer, link), body, true, refused)) == Sent.TAKEN;
    }

    /**
     * Publishes (or queues) one hub heartbeat from this node for every beating agent link
     * {@code peer} bridges to it ({@link OwnerBeats}). A beat that NATS or the outbox would not take
     * is lost: the next tick sends another, and the agents' own watchdogs judge the gap.
     *
     * @param peer the entry node
     */
    void beat(String peer) {
        send(new Outbox.Item(subjects.beat(peer, node), NO_BODY, true, null));
    }

    /** Publishes (or queues) a close notice: the reason and how many frames this end sent before it. */
    void close(String peer, String link, String reason, long framesSent) {
        String r = reason == null ? "" : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        byte[] body = JSON.createObjectNode().put("reason", r).put("sent", framesSent).toString()
                .getBytes(StandardCharsets.UTF_8);
        // NATS refusing it means NATS is gone: the peer's heartbeat watch closes its end
        if (send(new Outbox.Item(subjects.close(peer, link), body, false, null)) == Sent.OUTBOX_FULL) {
            log.warn("bridged link {}: its close notice was dropped ({} close notices wait to be published)",
                    link, OUTBOX_CLOSES);
        }
    }

    /** What became of a publish. */
    private enum Sent {
        /** Published, or queued in the outbox to be published in order. */
        TAKEN,
        /** The outbox is at its bound. */
        OUTBOX_FULL,
        /** NATS would not take it (closed, or larger than its max payload). */
        NATS_REFUSED
    }

    /**
     * The one way out: queued in the outbox when it must be (the reader thread, or others wait
     * there), else published now; a publish NATS discarded (its outgoing queue full) goes to the
     * outbox, whose thread tries it again, in order.
     */
    private Sent send(Outbox.Item item) {
        switch (outbox.submit(item)) {
            case QUEUED:
                return Sent.TAKEN;
            case FULL:
                return Sent.OUTBOX_FULL;
            default:
                break;
        }
        try {
            if (DiscardWatch.publish(nats, item.subject(), item.body())) {
                return Sent.TAKEN;
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            return Sent.NATS_REFUSED;
        }
        return outbox.queue(item) == Outbox.Outcome.FULL ? Sent.OUTBOX_FULL : Sent.TAKEN;
    }

    /**
     * On the outbox's thread: publishes {@code item}, trying again while NATS discards it, for up
     * to {@code retryForMs} (a connection that waits instead of discarding waits in the publish
     * itself).
     *
     * @throws IllegalStateException when NATS would not take it in that time, or is closed
     */
    private static void publishOrWait(Connection nats, Outbox.Item item, long retryForMs) {
        long until = System.nanoTime() + retryForMs * 1_000_000L;
        while (!DiscardWatch.publish(nats, item.subject(), item.body())) {
            if (System.nanoTime() - until > 0) {
                throw new IllegalStateException("NATS took no publish for " + retryForMs + " ms");
            }
            try {
                Thread.sleep(RETRY_EVERY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while NATS' outgoing queue was full", e);
            }
        }
    }

    /** Publishes waiting in the outbox. */
    int waiting() {
        return outbox.waiting();
    }

    /** Reads a close notice; a malformed one reads as an unexplained close. */
    static CloseNotice readClose(byte[] body) {
        try {
            JsonNode n = body == null || body.length > 4096 ? null : JSON.readTree(body);
            if (n == null) {
                return new CloseNotice("closed", -1);
            }
            return new CloseNotice(n.path("reason").asText("closed"), n.path("sent").asLong(-1));
        } catch (IOException e) {
            return new CloseNotice("closed", -1);
        }
    }

    record CloseNotice(String reason, long framesSent) {
    }
}
