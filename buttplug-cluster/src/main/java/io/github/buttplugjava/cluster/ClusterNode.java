package io.github.buttplugjava.cluster;

import io.github.buttplugjava.cluster.internal.FirstConnect;
import io.github.buttplugjava.cluster.internal.Bridges;
import io.github.buttplugjava.cluster.internal.ClusterRouter;
import io.github.buttplugjava.cluster.internal.Heartbeats;
import io.github.buttplugjava.cluster.internal.LeaseHolder;
import io.github.buttplugjava.cluster.internal.Leases;
import io.github.buttplugjava.cluster.internal.Names;
import io.github.buttplugjava.cluster.internal.NodePolicies;
import io.github.buttplugjava.cluster.internal.OwnedRooms;
import io.github.buttplugjava.cluster.internal.ReaderTap;
import io.github.buttplugjava.cluster.internal.RoomIndex;
import io.github.buttplugjava.cluster.internal.RoomStore;
import io.github.buttplugjava.cluster.internal.StoredRoomChanges;
import io.github.buttplugjava.cluster.internal.Subjects;
import io.github.buttplugjava.remote.hub.ArbitrationPolicy;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.remote.hub.Room;
import io.github.buttplugjava.remote.link.AccessToken;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Options;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One hub node of a cluster on NATS (docs/CLUSTER.md). Every node takes every link for every
 * room; rooms live in a JetStream key-value bucket with their tokens as salted hashes; each room
 * runs on one owner node at a time under a lease; a link that reaches another node is bridged to
 * the owner over NATS subjects, frame for frame. When the owner dies its bridged links are closed
 * by their entry nodes (agents stop their toys) and the next link takes the room on another node.
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.builder().nats("nats://127.0.0.1:4222").nodeName("n1")
 *         .hub(RemoteServer.builder().host("0.0.0.0").port(8080)).start();
 * ClusterRoom room = node.createRoom("party");   // once, on any node: its tokens are shown only now
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} closes the hub (its links and the rooms it ran) and leaves the
 * cluster; the rooms stay in the bucket for the other nodes.
 */
public final class ClusterNode implements AutoCloseable {

    /** Default lease TTL: 3 s (renewed every second). */
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(3);

    /** Default heartbeat interval: 250 ms. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofMillis(250);

    /** Default silence after which a node is taken for gone: 1 s. */
    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(1);

    /** Default time a starting node keeps trying to reach NATS: 20 s. */
    public static final Duration DEFAULT_NATS_START_WAIT = Duration.ofSeconds(20);

    /** Default most bridged links with an end on one node: {@value}. */
    public static final int DEFAULT_MAX_BRIDGED_LINKS = 16_384;

    private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

    private final Connection nats;
    private final Connection liveness;
    private final RoomStore store;
    private final ClusterRooms rooms;
    private final Leases leases;
    private final OwnedRooms owned;
    private final Bridges bridges;
    private final Heartbeats heartbeats;
    private final ClusterRouter router;
    private final RemoteServer hub;
    private final ScheduledExecutorService beatTimer;
    private final ScheduledExecutorService leaseTimer;
    private final ScheduledExecutorService linkTimer;
    private final ThreadPoolExecutor work;
    private final String node;

    private ClusterNode(Builder b) throws IOException {
        this.node = b.nodeName;
        Subjects subjects = new Subjects(b.clusterName);
        LeaseHolder me = new LeaseHolder(node, randomId());
        beatTimer = Executors.newSingleThreadScheduledExecutor(daemon("cluster-beat-" + node));
        leaseTimer = Executors.newSingleThreadScheduledExecutor(daemon("cluster-lease-" + node));
        linkTimer = Executors.newSingleThreadScheduledExecutor(daemon("cluster-links-" + node)); // deadlines of links: never behind a renewal waiting on NATS
        work = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), daemon("cluster-place-" + node));
        BridgeHolder holder = new BridgeHolder();
        ReaderTap tap = new ReaderTap(); // bridged frames are handled on the NATS reader thread
        try {
            nats = FirstConnect.within(new Options.Builder().server(b.natsUrl).connectionName("buttplug-hub-" + node)
                    .maxReconnects(-1).reconnectWait(Duration.ofMillis(250)).connectionTimeout(Duration.ofSeconds(2))
                    .pingInterval(Duration.ofSeconds(1)).maxPingsOut(2).readListener(tap)
                    // a full outgoing queue drops a publish instead of holding the hub's I/O thread
                    // that made it (up to 4.75 s): the bridge tries it again off that thread
                    .discardMessagesWhenOutgoingQueueFull()
                    .connectionListener((conn, event) -> holder.onEvent(event, false))
                    .errorListener(new ErrorListener() {
                        @Override
                        public void slowConsumerDetected(Connection conn, Consumer consumer) {
                            holder.fellBehind(); // NATS dropped messages: no bridged stream can be trusted
                        }

                        @Override
                        public void messageDiscarded(Connection conn, Message msg) {
                            Bridges.discarded();
                        }
                    }).build(), b.natsStartWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownPools();
            throw new IOException("interrupted while connecting to NATS", e);
        } catch (IOException e) {
            shutdownPools();
            throw new IOException("cannot reach NATS at " + b.natsUrl + ": " + e.getMessage(), e);
        }
        try {
            // heartbeats and leases on a connection of their own: bridged frames (thousands a
            // second) never queue ahead of them in a writer or a reader (docs/CLUSTER.md)
            liveness = FirstConnect.within(new Options.Builder().server(b.natsUrl).connectionName("buttplug-hub-" + node + "-liveness")
                    .maxReconnects(-1).reconnectWait(Duration.ofMillis(250)).connectionTimeout(Duration.ofSeconds(2))
                    .pingInterval(Duration.ofSeconds(1)).maxPingsOut(2)
                    .connectionListener((conn, event) -> holder.onEvent(event, true)).build(), b.natsStartWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeNats();
            shutdownPools();
            throw new IOException("interrupted while connecting to NATS", e);
        } catch (IOException e) {
            closeNats();
            shutdownPools();
            throw new IOException("cannot reach NATS at " + b.natsUrl + ": " + e.getMessage(), e);
        }
        try {
            RoomIndex index = new RoomIndex();
            owned = new OwnedRooms(index, System::currentTimeMillis, new NodePolicies(b.policies));
            StoredRoomChanges changes = new StoredRoomChanges(owned);
            store = RoomStore.open(nats, subjects, index, Duration.ofSeconds(10), changes);
            rooms = new ClusterRooms(store, System::currentTimeMillis, null);
            leases = Leases.open(liveness, subjects, me, b.leaseTtl, owned::drop, leaseTimer);
            changes.leases(leases);
            bridges = new Bridges(nats, subjects, node, b.maxBridgedLinks, tap);
            holder.bridges = bridges;
            holder.leases = leases;
            heartbeats = new Heartbeats(liveness, subjects, node, bridges, beatTimer, b.heartbeat, b.nodeTimeout);
            router = new ClusterRouter(nats, subjects, me, store, leases, owned, bridges, heartbeats, work, linkTimer,
                    Duration.ofSeconds(3), Duration.ofSeconds(1));
            hub = b.hub.linkRouter(router).operatorStatus(new ClusterHealth(this::status)).build();
            owned.hub(hub);
            router.serve(hub);
            hub.start();
        } catch (IOException | RuntimeException e) {
            closeNats();
            shutdownPools();
            throw e;
        }
        log.info("cluster node {} joined cluster {} at {}", node, b.clusterName, b.natsUrl);
    }

    private static final class BridgeHolder {
        volatile Bridges bridges;
        volatile Leases leases;

        void fellBehind() {
            Bridges b = bridges;
            if (b != null) {
                b.fellBehind();
            }
        }

        /**
         * An event of the bridge connection or ({@code liveness}) of the beats' and leases': either
         * lost closes every bridged link (without beats the other nodes take this one for gone
         * and close their ends anyway); the liveness connection back renews the leases.
         */
        void onEvent(ConnectionListener.Events event, boolean liveness) {
            String which = liveness ? "NATS liveness connection" : "NATS";
            if (event == ConnectionListener.Events.DISCONNECTED || event == ConnectionListener.Events.CLOSED) {
                Bridges b = bridges;
                if (b != null && b.count() > 0) {
                    log.warn("{} lost ({}): closing {} bridged links", which, event, b.count());
                    b.closeAll("the hub lost its cluster");
                }
            } else if (event == ConnectionListener.Events.RECONNECTED && !liveness) {
                log.info("NATS back: bridged links can be made again");
            } else if (event == ConnectionListener.Events.RECONNECTED) {
                log.info("NATS back: renewing this node's leases; new rooms are taken as links arrive");
                Leases l = leases;
                if (l != null) {
                    l.reconnected();
                }
            }
        }
    }

    private static String randomId() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void closeNats() {
        for (Connection c : new Connection[] {nats, liveness}) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void shutdownPools() {
        beatTimer.shutdownNow();
        leaseTimer.shutdownNow();
        linkTimer.shutdownNow();
        work.shutdownNow();
    }

    /**
     * A builder: cluster {@code buttplug}, lease TTL 3 s, heartbeats every 250 ms, a node silent for
     * 1 s taken for gone.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a room in the cluster with fresh tokens.
     *
     * @param name the room's name: 1..64 of {@code A-Z a-z 0-9 _ -}
     * @return the room and its tokens (shown only now)
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when the name is unusable or a room of that name exists
     */
    public ClusterRoom createRoom(String name) throws IOException {
        return createRoom(name, AccessToken.generate(), AccessToken.generate());
    }

    /**
     * Creates a room in the cluster with these tokens.
     *
     * @param name         the room's name: 1..64 of {@code A-Z a-z 0-9 _ -}
     * @param shareToken   the token agents present
     * @param controlToken the token of the room's first controller
     * @return the room and its tokens
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when the name is unusable, the tokens are equal, or a room of
     *                                  that name exists
     */
    public ClusterRoom createRoom(String name, AccessToken shareToken, AccessToken controlToken) throws IOException {
        if (!createIfAbsent(name, shareToken, controlToken)) {
            throw new IllegalArgumentException("a room named " + name + " exists in the cluster");
        }
        return new ClusterRoom(name, shareToken, controlToken);
    }

    /**
     * Creates a room in the cluster unless one of that name exists (then nothing changes, and the
     * tokens of the existing room stay what they are).
     *
     * @param name         the room's name: 1..64 of {@code A-Z a-z 0-9 _ -}
     * @param shareToken   the token agents present
     * @param controlToken the token of the room's first controller
     * @return true when created, false when the room existed
     * @throws IOException              when NATS cannot be reached
     * @throws IllegalArgumentException when the name is unusable or the tokens are equal
     */
    public boolean createIfAbsent(String name, AccessToken shareToken, AccessToken controlToken) throws IOException {
        Names.room(name);
        if (shareToken.matches(controlToken.reveal())) {
            throw new IllegalArgumentException("the share and control tokens must differ");
        }
        return rooms.createIfAbsent(RoomSetup.named(name).withShareToken(shareToken)
                .withController(Room.FIRST_CONTROLLER, controlToken, ControllerCeiling.NONE));
    }

    /**
     * The cluster's rooms, to create, update, revoke in and delete (changes reach the node
     * running each room at once).
     *
     * @return the rooms, through this node's connection
     */
    public ClusterRooms rooms() {
        return rooms;
    }

    /**
     * Deletes a room from the cluster: the node running it closes every link of the room (agents
     * stop their toys) and gives its lease back.
     *
     * @param name the room's name
     * @return false when there was no such room
     * @throws IOException when NATS cannot be reached
     */
    public boolean deleteRoom(String name) throws IOException {
        return rooms.delete(name);
    }

    /**
     * This node's hub (started).
     *
     * @return the hub
     */
    public RemoteServer hub() {
        return hub;
    }

    /**
     * What this node does now.
     *
     * @return its status
     */
    public ClusterStatus status() {
        boolean connected = nats.getStatus() == Connection.Status.CONNECTED
                && liveness.getStatus() == Connection.Status.CONNECTED;
        return new ClusterStatus(node, connected, store.index().size(),
                owned.names(), bridges.count(), bridges.relayedHeartbeatLinks(), bridges.relayedHeartbeats());
    }

    /** Leaves the cluster: bridged links and owned rooms close, leases are given back, NATS is closed. */
    @Override
    public void close() {
        router.close(); // no more opens
        hub.close(); // rooms and sockets close: each bridged end tells the other end
        bridges.close(); // whatever is left
        heartbeats.close();
        leases.close(); // leases given back: another node takes the rooms at once
        store.close();
        closeNats();
        shutdownPools();
    }

    /** Settings of a {@link ClusterNode}. Not thread-safe. */
    public static final class Builder {
        private String natsUrl = "nats://127.0.0.1:4222";
        private String nodeName;
        private String clusterName = "buttplug";
        private RemoteServerBuilder hub = RemoteServer.builder();
        private Duration leaseTtl = DEFAULT_LEASE_TTL;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Duration nodeTimeout = DEFAULT_NODE_TIMEOUT;
        private int maxBridgedLinks = DEFAULT_MAX_BRIDGED_LINKS;
        private Duration natsStartWait = DEFAULT_NATS_START_WAIT;
        private final Map<String, Supplier<? extends ArbitrationPolicy>> policies = new HashMap<>();

        private Builder() {
        }

        /**
         * Gives this node an app's own arbitration rule under a name, for the rooms stored with
         * {@link RoomPolicy#named(String) RoomPolicy.named(name)}. Give every node that may own such
         * a room the same rule under the same name: a node without it runs the room refusing every
         * command ("the policy … is not installed on the hub node that runs it").
         *
         * @param name    1 to {@value RoomPolicy#MAX_NAME_LENGTH} of {@code A-Z a-z 0-9 . _ -}
         * @param factory makes a fresh policy for each room (policies keep state); called on the
         *                node's threads, it must be quick and must not block
         * @return this builder
         * @throws IllegalArgumentException when the name is unusable or already given
         */
        public Builder policy(String name, Supplier<? extends ArbitrationPolicy> factory) {
            Objects.requireNonNull(factory, "factory");
            String checked = RoomPolicy.named(name).name();
            if (policies.putIfAbsent(checked, factory) != null) {
                throw new IllegalArgumentException("the policy \"" + checked + "\" is already given");
            }
            return this;
        }

        /**
         * The NATS server (default {@code nats://127.0.0.1:4222}); it must run JetStream ({@code -js}).
         *
         * @param url a {@code nats://} or {@code tls://} URL
         * @return this builder
         */
        public Builder nats(String url) {
            this.natsUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /**
         * This node's name, unique in the cluster (required).
         *
         * @param name 1..32 of {@code A-Z a-z 0-9 _ -}
         * @return this builder
         * @throws IllegalArgumentException when unusable
         */
        public Builder nodeName(String name) {
            this.nodeName = Names.node(name, "the node name");
            return this;
        }

        /**
         * The cluster's name (default {@code buttplug}): the first token of its subjects and the
         * prefix of its buckets, so several clusters can share one NATS.
         *
         * @param name 1..32 of {@code A-Z a-z 0-9 _ -}
         * @return this builder
         * @throws IllegalArgumentException when unusable
         */
        public Builder clusterName(String name) {
            this.clusterName = Names.node(name, "the cluster name");
            return this;
        }

        /**
         * The hub's settings (address, TLS, limits); its link router is set by the node.
         *
         * @param hub the hub's builder
         * @return this builder
         */
        public Builder hub(RemoteServerBuilder hub) {
            this.hub = Objects.requireNonNull(hub, "hub");
            return this;
        }

        /**
         * The room lease TTL (default 3 s): a dead owner's rooms can be taken this long after its
         * last renewal. The leases bucket is made with the first node's TTL; give every node the same.
         *
         * @param ttl the TTL, at least 300 ms
         * @return this builder
         * @throws IllegalArgumentException when shorter than 300 ms
         */
        public Builder leaseTtl(Duration ttl) {
            if (ttl.toMillis() < 300) {
                throw new IllegalArgumentException("the lease TTL must be at least 300 ms");
            }
            this.leaseTtl = ttl;
            return this;
        }

        /**
         * Heartbeat interval and the silence after which a node is taken for gone (defaults 250 ms, 1 s).
         *
         * @param interval how often each node beats
         * @param timeout  silence after which its bridged links are closed; longer than {@code interval}
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is not longer than {@code interval}
         */
        public Builder heartbeat(Duration interval, Duration timeout) {
            if (interval.isNegative() || interval.isZero() || timeout.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("the heartbeat timeout must be longer than its positive interval");
            }
            this.heartbeat = interval;
            this.nodeTimeout = timeout;
            return this;
        }

        /**
         * Most bridged links with an end on this node (default {@value ClusterNode#DEFAULT_MAX_BRIDGED_LINKS}).
         *
         * @param count most bridged links
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder maxBridgedLinks(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("maxBridgedLinks must be positive");
            }
            this.maxBridgedLinks = count;
            return this;
        }

        /**
         * How long {@link #start()} keeps trying to reach NATS (default 20 s): a node started before
         * its NATS, or on a machine too busy to connect at the first try, waits for it.
         *
         * @param wait how long; zero tries once
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder natsStartWait(Duration wait) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("the NATS start wait must not be negative");
            }
            this.natsStartWait = wait;
            return this;
        }

        /**
         * Connects to NATS (trying again for up to {@link #natsStartWait}), reads the rooms, opens
         * the hub's port and joins the cluster.
         *
         * @return the running node
         * @throws IOException when NATS cannot be reached within the start wait, JetStream cannot be
         *                     used, or the port cannot be bound
         * @throws IllegalStateException when no node name was given
         */
        public ClusterNode start() throws IOException {
            if (nodeName == null) {
                throw new IllegalStateException("a cluster node needs a node name");
            }
            return new ClusterNode(this);
        }
    }
}
