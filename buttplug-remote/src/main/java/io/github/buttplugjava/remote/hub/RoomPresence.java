package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.remote.link.PresenceFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room's presence, for its sharers: which controllers are connected (in the order they joined)
 * and, from the room's {@link RoomArbiter}, which of them drives each device. Each agent link that
 * agreed to the presence extension has a {@link PresenceFeed} that sends its agent the picture of
 * its own devices, coalesced; controllers never see any of it. Holds one entry per connected
 * controller and per subscribed agent link. Thread-safe; the arbiter tells it of changes under the
 * arbiter's lock, and it only marks feeds as changed then.
 */
final class RoomPresence {

    private final RoomSource source;
    private final RoomArbiter arbiter;
    private final Scheduling scheduling;
    private final Set<String> present = new LinkedHashSet<>();
    private final Map<String, PresenceFeed> feeds = new HashMap<>();

    RoomPresence(RoomSource source, RoomArbiter arbiter, Scheduling scheduling) {
        this.source = source;
        this.arbiter = arbiter;
        this.scheduling = scheduling;
        arbiter.onDriversChanged(this::driversChanged);
    }

    /** A connection of {@code controller} opened. */
    void joined(String controller) {
        List<PresenceFeed> tell;
        synchronized (this) {
            if (!present.add(controller)) {
                return;
            }
            tell = List.copyOf(feeds.values());
        }
        tell.forEach(PresenceFeed::changed);
    }

    /** The connection of {@code controller} ended (after the arbiter stopped what it set). */
    void left(String controller) {
        List<PresenceFeed> tell;
        synchronized (this) {
            if (!present.remove(controller)) {
                return;
            }
            tell = List.copyOf(feeds.values());
        }
        tell.forEach(PresenceFeed::changed);
    }

    /** The controllers connected now, in the order they joined. */
    synchronized List<String> controllers() {
        return List.copyOf(present);
    }

    /** Starts telling the agent of {@code linkId} over {@code link}; the first frame goes at once. */
    void subscribe(String linkId, ButtplugConnector link) {
        PresenceFeed feed = new PresenceFeed(() -> frameFor(linkId), link::send, scheduling);
        PresenceFeed old;
        synchronized (this) {
            old = feeds.put(linkId, feed);
        }
        if (old != null) {
            old.close();
        }
        feed.changed();
    }

    /** The link of {@code linkId} ended. */
    void unsubscribe(String linkId) {
        PresenceFeed feed;
        synchronized (this) {
            feed = feeds.remove(linkId);
        }
        if (feed != null) {
            feed.close();
        }
    }

    /** For tests: how many agent links are told of presence. */
    synchronized int subscribers() {
        return feeds.size();
    }

    /** Called by the arbiter under its lock: only marks the owning agent's feed. */
    private void driversChanged(Device device) {
        if (!(device instanceof AliasedDevice aliased)) {
            return;
        }
        PresenceFeed feed;
        synchronized (this) {
            feed = feeds.get(aliased.linkId());
        }
        if (feed != null) {
            feed.changed();
        }
    }

    /** The picture the agent of {@code linkId} is sent now: its devices by their index on its link. */
    PresenceFrame frameFor(String linkId) {
        List<String> controllers = controllers();
        Map<Integer, List<String>> drivers = new LinkedHashMap<>();
        for (AliasedDevice device : source.devicesOf(linkId)) {
            int index = linkIndex(device);
            if (index < 0) {
                continue;
            }
            List<String> who = new ArrayList<>(arbiter.drivers(device));
            who.retainAll(controllers);
            drivers.put(index, who);
        }
        return new PresenceFrame(controllers, drivers);
    }

    /** The device's index on its agent's link (the agent's own number for it), or -1. */
    private static int linkIndex(AliasedDevice device) {
        try {
            return Integer.parseInt(device.inner().identifier());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
