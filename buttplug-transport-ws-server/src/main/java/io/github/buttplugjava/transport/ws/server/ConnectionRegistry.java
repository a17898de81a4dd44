package io.github.buttplugjava.transport.ws.server;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every TCP connection of one server from accept to close, and which of them are still
 * <em>pending</em> (accepted, no text frame heard yet). Decides at accept who must go: over the
 * connection cap or the pending cap the oldest pending connection is shed; at the connection cap
 * with none pending the newcomer is refused; an address over its own pending cap loses its own
 * oldest among those at least {@link #YOUNG_NANOS} old (a soft cap: the totals are the hard bounds).
 * So silent sockets are always the first to go and never lock real users out.
 *
 * <p>Which pending connection goes: first the oldest that has been trying to upgrade for longer
 * than {@link #GRACE_NANOS} (a real client upgrades within a round trip, so these are silent or
 * dribbling their headers), then the oldest that has sent nothing for {@link #YOUNG_NANOS}, then
 * the oldest mid-upgrade for as long, then the oldest upgraded but silent for {@link #GRACE_NANOS}.
 * A younger connection has not had time to show what it is: the per-address cap never sheds it,
 * and the hard caps shed it only when no one else can go: then the oldest of the most numerous
 * stage (silent, mid-upgrade, or upgraded and waiting for the first frame; ties in that order
 * but mid-upgrade last). A flood fills one stage, and an honest client passes through each stage
 * as its newest member, so a flood of sockets that stay silent, dribble, or upgrade and say nothing
 * never pushes out a client in the middle of its handshake, even from the same address (it could
 * go only as the oldest pending connection in the flood's stage).
 *
 * <p>Thread-safe; one short lock, never held while a channel is closed (the caller closes what
 * {@link #admit} returns).
 */
final class ConnectionRegistry {

    /** The verdict on a new connection: refused, or taken after shedding {@code shed} (may be empty). */
    record Verdict(boolean admitted, List<Channel> shed) {
    }

    /** How long a connection may take to upgrade before it counts as overdue: 1 s. */
    static final long GRACE_NANOS = 1_000_000_000L;

    /** Younger connections are spared by the per-address cap: they may not have been read yet. */
    static final long YOUNG_NANOS = 200_000_000L;

    private final int maxConnections;
    private final int maxPending;
    private final int maxPendingPerAddress;

    private final Set<Channel> open = new HashSet<>();
    /** Pending channels in accept order, with their remote address. */
    private final LinkedHashMap<Channel, InetAddress> pending = new LinkedHashMap<>();
    /** When each pending channel was accepted, in {@link #clock} nanoseconds. */
    private final Map<Channel, Long> acceptedAt = new HashMap<>();
    private final java.util.function.LongSupplier clock;
    /** The pending channels that have sent bytes. */
    private final Set<Channel> spoke = new HashSet<>();
    /** The pending channels that have finished their upgrade. */
    private final Set<Channel> upgraded = new HashSet<>();
    /** Pending channels per remote address, in accept order. */
    private final Map<InetAddress, LinkedHashSet<Channel>> pendingByAddress = new HashMap<>();
    private boolean stopped;

    ConnectionRegistry(int maxConnections, int maxPending, int maxPendingPerAddress) {
        this(maxConnections, maxPending, maxPendingPerAddress, System::nanoTime);
    }

    ConnectionRegistry(int maxConnections, int maxPending, int maxPendingPerAddress,
                       java.util.function.LongSupplier clock) {
        this.clock = clock;
        this.maxConnections = maxConnections;
        this.maxPending = maxPending;
        this.maxPendingPerAddress = maxPendingPerAddress;
    }

    /** A connection was accepted from {@code address}: take it (shedding what must go) or refuse it. */
    synchronized Verdict admit(Channel channel, InetAddress address) {
        if (stopped) {
            return new Verdict(false, List.of());
        }
        List<Channel> shed = new ArrayList<>(2);
        if (open.size() >= maxConnections) {
            Channel oldest = oldestPending();
            if (oldest == null) {
                return new Verdict(false, List.of());
            }
            shed.add(forget(oldest));
        }
        if (pending.size() >= maxPending) {
            shed.add(forget(oldestPending()));
        }
        LinkedHashSet<Channel> ofAddress = pendingByAddress.computeIfAbsent(address, a -> new LinkedHashSet<>());
        if (ofAddress.size() >= maxPendingPerAddress) {
            // the per-address cap is fairness, not a hard bound (the totals above are): it only
            // sheds connections old enough to have spoken, never one of a burst still arriving
            Channel victim = pick(ofAddress, false);
            if (victim != null) {
                shed.add(forget(victim));
                ofAddress = pendingByAddress.computeIfAbsent(address, a -> new LinkedHashSet<>());
            }
        }
        open.add(channel);
        pending.put(channel, address);
        acceptedAt.put(channel, clock.getAsLong());
        ofAddress.add(channel);
        return new Verdict(true, shed);
    }

    /** The connection sent its first bytes (it stays pending until its first frame). */
    synchronized void spoke(Channel channel) {
        if (pending.containsKey(channel)) {
            spoke.add(channel);
        }
    }

    /** The connection finished its HTTP upgrade (it stays pending until its first frame). */
    synchronized void upgraded(Channel channel) {
        if (pending.containsKey(channel)) {
            spoke.add(channel); // an upgrade is made of bytes: the stages nest
            upgraded.add(channel);
        }
    }

    /** The first text frame arrived: the connection is no longer pending. */
    synchronized void heard(Channel channel) {
        unpend(channel);
    }

    /** The connection closed (idempotent). */
    synchronized void closed(Channel channel) {
        forget(channel);
    }

    /** From now on every newcomer is refused; returns the channels still open. */
    synchronized List<Channel> stop() {
        stopped = true;
        return List.copyOf(open);
    }

    /** Channels open right now. */
    synchronized List<Channel> openChannels() {
        return List.copyOf(open);
    }

    synchronized int open() {
        return open.size();
    }

    synchronized int pending() {
        return pending.size();
    }

    private Channel oldestPending() {
        return oldestOf(pending.keySet());
    }

    /** The one of {@code channels} (in accept order) to shed for a hard bound: never null if any. */
    private Channel oldestOf(Set<Channel> channels) {
        return pick(channels, true);
    }

    /**
     * The one of {@code channels} (in accept order) to shed, by the order in the class comment.
     * Without {@code hard}, only a connection that has had time to show what it is may go: one
     * overdue for its upgrade, silent or mid-upgrade for {@link #YOUNG_NANOS}, or upgraded and
     * silent for {@link #GRACE_NANOS}; else null. With {@code hard} (over every pending
     * connection), someone always goes: then the oldest of the most numerous stage
     * ({@link #floodStage()}). {@code channels} are in accept order (oldest first), so the walk
     * stops at the first young one once the answer is settled.
     */
    private Channel pick(Set<Channel> channels, boolean hard) {
        long now = clock.getAsLong();
        Stage flood = hard ? floodStage() : null;
        Channel silentOld = null;
        Channel spokeOld = null;
        Channel upgradedOld = null;
        Channel floodOldest = null;
        Channel first = null;
        for (Channel c : channels) {
            long age = now - acceptedAt.getOrDefault(c, now);
            boolean isUpgraded = upgraded.contains(c);
            boolean hasSpoken = spoke.contains(c);
            if (age < YOUNG_NANOS && first != null && (!hard || floodOldest != null)) {
                // in accept order, so every one from here is younger still: none can be overdue or
                // have shown what it is, and the hard fallback is settled; a flood of young
                // sockets costs one step, not a walk over every pending one
                break;
            }
            if (!isUpgraded && age > GRACE_NANOS) {
                return c;
            }
            if (silentOld == null && !hasSpoken && age >= YOUNG_NANOS) {
                silentOld = c;
            }
            if (spokeOld == null && hasSpoken && !isUpgraded && age >= YOUNG_NANOS) {
                spokeOld = c;
            }
            if (upgradedOld == null && isUpgraded && age > GRACE_NANOS) {
                upgradedOld = c;
            }
            if (floodOldest == null && flood == Stage.of(hasSpoken, isUpgraded)) {
                floodOldest = c;
            }
            if (first == null) {
                first = c;
            }
        }
        Channel shown = silentOld != null ? silentOld : spokeOld != null ? spokeOld : upgradedOld;
        if (shown != null || !hard) {
            return shown;
        }
        return floodOldest != null ? floodOldest : first;
    }

    /** Where a pending connection is in its handshake. */
    private enum Stage {
        SILENT, MID_UPGRADE, UPGRADED;

        static Stage of(boolean hasSpoken, boolean isUpgraded) {
            return isUpgraded ? UPGRADED : hasSpoken ? MID_UPGRADE : SILENT;
        }
    }

    /**
     * The stage most pending connections are in (a flood fills one); ties go to silent, then
     * upgraded, and a client mid-upgrade is chosen last. O(1): the stages nest (upgraded ⊆ spoke ⊆
     * pending).
     */
    private Stage floodStage() {
        int upgradedCount = upgraded.size();
        int midCount = spoke.size() - upgradedCount;
        int silentCount = pending.size() - spoke.size();
        if (silentCount >= upgradedCount && silentCount >= midCount) {
            return Stage.SILENT;
        }
        return upgradedCount >= midCount ? Stage.UPGRADED : Stage.MID_UPGRADE;
    }

    private Channel forget(Channel channel) {
        open.remove(channel);
        unpend(channel);
        return channel;
    }

    private void unpend(Channel channel) {
        upgraded.remove(channel);
        spoke.remove(channel);
        acceptedAt.remove(channel);
        InetAddress address = pending.remove(channel);
        if (address != null) {
            LinkedHashSet<Channel> ofAddress = pendingByAddress.get(address);
            if (ofAddress != null) {
                ofAddress.remove(channel);
                if (ofAddress.isEmpty()) {
                    pendingByAddress.remove(address);
                }
            }
        }
    }
}
