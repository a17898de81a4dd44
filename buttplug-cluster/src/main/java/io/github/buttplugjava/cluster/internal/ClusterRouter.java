package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.hub.LinkRouter;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.HandoverConnector;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.remote.link.ResumeKey;
import io.github.buttplugjava.transport.ws.server.Admission;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster's side of every agent and controller link a node takes (docs/CLUSTER.md):
 * <ol>
 *   <li>authenticate at the entry node against the stored token hashes ({@link RoomIndex}); the
 *       links of buttplug-js 0.13 peers too ({@link LegacyEntry});</li>
 *   <li>find the room's owner in the leases; with none, take the lease and run the room here;</li>
 *   <li>owner here: hand the link to the local hub; owner elsewhere: bridge it to the owner, whose
 *       {@code <c>.open.<node>} desk (also here) opens its end and hands that to its hub.</li>
 * </ol>
 * Lookups in NATS block, so placing runs on a small bounded pool, never on an I/O thread.
 */
public final class ClusterRouter implements LinkRouter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterRouter.class);

    private final Connection nats;
    private final Subjects subjects;
    private final LeaseHolder me;
    private final RoomStore store;
    private final Leases leases;
    private final OwnedRooms owned;
    private final Bridges bridges;
    private final BridgeSender sender;
    private final OwnerBeats ownerBeats;
    private final Heartbeats heartbeats;
    private final ExecutorService work;
    private final ScheduledExecutorService timers;
    private final Duration helloTimeout;
    private final Duration openTimeout;
    private final String linkPrefix;
    private final AtomicLong links = new AtomicLong();
    private final Dispatcher desk;
    private final LegacyEntry legacy;

    /**
     * The router of one node; its open desk starts listening at once.
     *
     * @param nats         the connection
     * @param subjects     the cluster's subjects
     * @param me           this node in this run
     * @param store        the rooms
     * @param leases       the leases
     * @param owned        the rooms run here
     * @param bridges      the bridged links
     * @param heartbeats   the heartbeat watch (told when an owner answered)
     * @param work         a bounded pool for placing links (they wait on NATS)
     * @param timers       for deadlines
     * @param helloTimeout how long an agent may take to send its hello
     * @param openTimeout  how long an owner may take to open its end of a bridged link
     */
    public ClusterRouter(Connection nats, Subjects subjects, LeaseHolder me, RoomStore store, Leases leases,
                         OwnedRooms owned, Bridges bridges, Heartbeats heartbeats, ExecutorService work,
                         ScheduledExecutorService timers, Duration helloTimeout, Duration openTimeout) {
        this.nats = nats;
        this.subjects = subjects;
        this.me = me;
        this.store = store;
        this.leases = leases;
        this.owned = owned;
        this.bridges = bridges;
        this.sender = new BridgeSender(nats, subjects, me.node());
        this.ownerBeats = new OwnerBeats(sender::beat, System::nanoTime);
        this.heartbeats = heartbeats;
        this.work = work;
        this.timers = timers;
        this.helloTimeout = helloTimeout;
        this.openTimeout = openTimeout;
        byte[] r = new byte[6];
        new SecureRandom().nextBytes(r);
        this.linkPrefix = me.node() + "-" + HexFormat.of().formatHex(r) + "-";
        this.legacy = new LegacyEntry(store, timers, helloTimeout, (p, link) -> place(p, link, false));
        this.desk = nats.createDispatcher(this::onOpen);
        desk.subscribe(subjects.open(me.node()));
    }

    @Override
    public Optional<Admission> route(String path, ButtplugConnector connector) {
        if (RemoteServer.SHARE_PATH.equals(path)) {
            acceptAgent(connector);
            return Optional.of(Admission.accept());
        }
        if (path != null && path.startsWith(RemoteServer.CONTROL_PREFIX)) {
            Optional<TokenEntry> entry = controlEntry(path.substring(RemoteServer.CONTROL_PREFIX.length()));
            if (entry.isEmpty()) {
                return Optional.empty(); // the hub refuses it and counts the failure
            }
            TokenEntry e = entry.get();
            place(new Placement(e.room(), LinkKind.CONTROL, e.name(), 0, "", ""), connector, false);
            return Optional.of(Admission.accept());
        }
        return legacy.route(path, connector);
    }

    /**
     * Takes the hub's settings for buttplug-js 0.13 links (its forwarder path, password-first
     * controllers); called once the hub is built, before it takes links.
     *
     * @param hub this node's hub
     */
    public void serve(RemoteServer hub) {
        legacy.serve(hub);
    }

    @Override
    public Optional<Boolean> knowsControlToken(String token) {
        return Optional.of(controlEntry(token).isPresent());
    }

    private Optional<TokenEntry> controlEntry(String token) {
        if (token.isEmpty() || token.length() > 256) {
            return Optional.empty();
        }
        return store.index().token(store.hasher().hash(token)).filter(e -> e.kind() == TokenKind.CONTROL);
    }

    private void acceptAgent(ButtplugConnector connector) {
        HandoverConnector.open(connector).thenAccept(h -> {
            java.util.concurrent.ScheduledFuture<?> deadline = timers.schedule(() -> {
                if (!h.firstFrame().isDone()) {
                    connector.close();
                }
            }, helloTimeout.toMillis(), TimeUnit.MILLISECONDS);
            h.firstFrame().whenComplete((frame, e) -> {
                deadline.cancel(false);
                if (e == null) {
                    hello(h, frame);
                }
            });
        }).exceptionally(e -> {
            connector.close();
            return null;
        });
    }

    private void hello(HandoverConnector link, String frame) {
        Hello hello;
        try {
            hello = Hello.decode(frame);
        } catch (IllegalArgumentException e) {
            deny(link, e.getMessage());
            return;
        }
        if (hello.protocol() != Hello.PROTOCOL) {
            deny(link, "agent protocol " + hello.protocol() + " is not supported; this hub speaks " + Hello.PROTOCOL);
            return;
        }
        Optional<TokenEntry> entry = hello.token().length() > 256 ? Optional.empty()
                : store.index().token(store.hasher().hash(hello.token())).filter(e -> e.kind() != TokenKind.CONTROL);
        if (entry.isEmpty()) {
            log.info("agent from {} denied: unknown share token", link.remoteAddress().map(Object::toString).orElse("?"));
            deny(link, "unknown share token");
            return;
        }
        TokenEntry e = entry.get();
        if (e.kind() == TokenKind.INVITE && !e.name().equals(hello.alias())) {
            deny(link, "this invite is for another alias");
            return;
        }
        // the owner learns neither the token nor the agent's resume key: a key derived from it (the
        // same one through any node), so a redial through another node still replaces a stale link
        String withoutToken = new Hello(hello.protocol(), Placement.NO_TOKEN, hello.alias(), hello.extensions(),
                hello.resume().map(ResumeKey::derived)).encode();
        place(new Placement(e.room(), LinkKind.ofAgent(e.kind()), e.name(), hello.protocol(), hello.alias(), withoutToken), link, true);
    }

    private static void deny(ButtplugConnector link, String reason) {
        link.send(new HelloReply.Denied(reason).encode()).whenComplete((v, e) -> link.close());
    }

    /**
     * Refuses a link for a passing reason (the room is moving, NATS is slow, the node is busy): an
     * agent's link is closed without a denial, so the agent dials again; a controller's is closed
     * with the reason.
     */
    private static void refuse(ButtplugConnector link, boolean agent, String reason) {
        if (agent) {
            log.info("agent link closed for now: {}", reason);
            link.close();
        } else {
            link.abort(reason);
        }
    }

    private void place(Placement p, ButtplugConnector link, boolean agent) {
        try {
            work.execute(() -> {
                try {
                    placeNow(p, link, agent);
                } catch (IOException | RuntimeException e) {
                    log.warn("cluster room {}: link not placed: {}", p.room(), e.toString());
                    refuse(link, agent, "the cluster cannot place this link now; try again");
                }
            });
        } catch (RejectedExecutionException full) {
            refuse(link, agent, "the hub is busy; try again");
        }
    }

    private void placeNow(Placement p, ButtplugConnector link, boolean agent) throws IOException {
        if (leases.holds(p.room()) && owned.has(p.room())) {
            owned.attach(p, link).ifPresent(why -> refuse(link, agent, why)); // no NATS needed: served here
            return;
        }
        Optional<LeaseHolder> holder = leases.holder(p.room());
        if (holder.isEmpty() && leases.acquire(p.room())) {
            if (!owned.open(p.room())) {
                leases.release(p.room());
                if (agent) {
                    deny(link, "no such room");
                } else {
                    link.abort("no such room");
                }
                return;
            }
            log.info("cluster room {}: owned by this node ({})", p.room(), me.node());
            holder = Optional.of(me);
        } else if (holder.isEmpty()) {
            holder = leases.holder(p.room());
        }
        if (holder.isEmpty()) {
            refuse(link, agent, "the room is moving between nodes; try again");
            return;
        }
        LeaseHolder h = holder.get();
        switch (OwnerChoice.of(h.equals(me), h.node().equals(me.node()), leases.holds(p.room()), heartbeats.silent(h.node()))) {
            case HERE -> {
                if (!owned.has(p.room())) {
                    owned.open(p.room());
                    if (!leases.holds(p.room())) {
                        owned.drop(p.room()); // the lease was lost while the room was being made
                        refuse(link, agent, "the room is moving between nodes; try again");
                        return;
                    }
                }
                owned.attach(p, link).ifPresent(why -> refuse(link, agent, why));
            }
            case MOVING -> refuse(link, agent, "the room is moving between nodes; try again");
            case HOLDER_GONE -> refuse(link, agent, "the room's node is gone; the room moves once its lease expires; try again");
            case BRIDGE -> bridge(h.node(), p, link, agent);
            default -> throw new IllegalStateException();
        }
    }

    private void bridge(String owner, Placement p, ButtplugConnector link, boolean agent) {
        String id = linkPrefix + links.incrementAndGet();
        EntryEnd end = new EntryEnd(id, owner, link, agent, bridges, sender, timers);
        if (!bridges.add(id, end)) {
            refuse(link, agent, "this node bridges as many links as it may; try another");
            return;
        }
        heartbeats.heard(owner);
        link.connect(end).exceptionally(e -> {
            end.onClosed(e);
            return null;
        });
        nats.requestWithTimeout(subjects.open(owner), p.openRequest(id, me.node()), openTimeout).whenComplete((m, e) -> {
            String refusal = e != null ? "the room's owner did not answer" : Placement.refusalIn(m.getData());
            if (refusal == null) {
                end.opened();
            } else {
                log.info("cluster room {}: owner {} refused a bridged link: {}", p.room(), owner, PeerText.error(refusal));
                end.failed(refusal);
            }
        });
    }

    private void onOpen(Message m) {
        Placement.Open open;
        try {
            open = Placement.readOpen(m.getData());
        } catch (IllegalArgumentException e) {
            answer(m, false, "bad open request");
            return;
        }
        Placement p = open.placement();
        if (!owned.has(p.room()) || !leases.holds(p.room())) {
            answer(m, false, "not the owner of this room");
            return;
        }
        OwnerEnd end = new OwnerEnd(open.link(), open.entry(), bridges, sender, open.beats() ? ownerBeats : null);
        if (!bridges.add(open.link(), end)) {
            answer(m, false, "the owner bridges as many links as it may");
            return;
        }
        heartbeats.heard(open.entry());
        answer(m, true, "");
        owned.attach(p, end).ifPresent(end::abort);
    }

    private void answer(Message request, boolean ok, String reason) {
        if (request.getReplyTo() != null) {
            nats.publish(request.getReplyTo(), Placement.reply(ok, reason));
        }
    }

    @Override
    public void close() {
        try {
            nats.closeDispatcher(desk);
        } catch (RuntimeException ignored) {
            // the connection is closing
        }
    }
}
