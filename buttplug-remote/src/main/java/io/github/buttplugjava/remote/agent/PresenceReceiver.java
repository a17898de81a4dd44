package io.github.buttplugjava.remote.agent;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.remote.link.PresenceFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The agent's end of the presence extension: takes the hub's presence frames off the link (latest
 * wins: one frame waiting at most, however fast the hub sends), reads them on the agent's serial
 * listener thread, names the devices by their local identifiers and tells the
 * {@link PresenceListener} what changed, in order. Frames of a link that has ended are ignored.
 * Thread-safe: {@link #offer} may be called from the socket's thread; the rest runs on
 * {@code serial}.
 */
final class PresenceReceiver {

    private static final Logger log = LoggerFactory.getLogger(PresenceReceiver.class);

    private record Pending(long link, String frame) {
    }

    private final Executor serial;
    private final PresenceListener listener;
    private final IntFunction<Optional<String>> localIdOfIndex;
    private final Function<String, String> nameOf;
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    /** The link whose frames count; bumped on every welcome and drop. */
    private volatile long link;
    /** What the agent knows now; null when nothing is known. Written on {@code serial} only. */
    private volatile Presence current;
    /** Bad frames seen on the current link (the first is logged as a warning). Serial only. */
    private int badFrames;

    /**
     * @param serial         the agent's serial listener executor
     * @param listener       who is told
     * @param localIdOfIndex a device's local identifier from its index on the link, if still shared
     * @param nameOf         a local device's name to show
     */
    PresenceReceiver(Executor serial, PresenceListener listener, IntFunction<Optional<String>> localIdOfIndex,
                     Function<String, String> nameOf) {
        this.serial = serial;
        this.listener = listener;
        this.localIdOfIndex = localIdOfIndex;
        this.nameOf = nameOf;
    }

    /** What is known now, if anything. */
    Optional<Presence> presence() {
        return Optional.ofNullable(current);
    }

    /**
     * A link was welcomed; {@code agreed} when its hub tells presence.
     *
     * @return the link's number, for {@link #offer}
     */
    long linked(boolean agreed) {
        long number;
        synchronized (this) {
            number = ++link;
        }
        serial.execute(() -> {
            badFrames = 0;
            if (!agreed) {
                unknown(PresenceEvent.Unavailable.Why.HUB_DOES_NOT_TELL,
                        "the hub does not tell who is in the room (it is older than this agent)", true);
            }
        });
        return number;
    }

    /** The link ended: nothing is known until the next one tells. */
    void unlinked() {
        synchronized (this) {
            link++;
        }
        pending.set(null);
        serial.execute(() -> unknown(PresenceEvent.Unavailable.Why.NOT_LINKED, "not linked to the hub", false));
    }

    /** A presence frame of link {@code number} arrived; never blocks. */
    void offer(long number, String frame) {
        if (pending.getAndSet(new Pending(number, frame)) == null) {
            serial.execute(this::drain);
        }
    }

    private void drain() {
        Pending p = pending.getAndSet(null);
        if (p == null || p.link() != link) {
            return;
        }
        PresenceFrame frame;
        try {
            frame = PresenceFrame.decode(p.frame());
        } catch (IllegalArgumentException e) {
            if (badFrames++ == 0) {
                log.warn("ignoring a presence frame from the hub: {}", PeerText.error(e.getMessage()));
            } else {
                log.debug("ignoring a presence frame from the hub: {}", PeerText.error(e.getMessage()));
            }
            return;
        }
        apply(frame);
    }

    private void apply(PresenceFrame frame) {
        Map<String, List<String>> drivers = new LinkedHashMap<>();
        frame.drivers().forEach((index, who) -> localIdOfIndex.apply(index).ifPresent(id -> drivers.put(id, who)));
        Presence next = new Presence(frame.controllers(), drivers);
        Presence before = current == null ? Presence.NOBODY : current;
        current = next;
        for (String c : next.controllers()) {
            if (!before.controllers().contains(c)) {
                tell(new PresenceEvent.ControllerJoined(c, next));
            }
        }
        List<String> devices = new ArrayList<>(next.drivers().keySet());
        before.drivers().keySet().stream().filter(d -> !devices.contains(d)).forEach(devices::add);
        for (String device : devices) {
            if (!before.driversOf(device).equals(next.driversOf(device))) {
                tell(new PresenceEvent.DriversChanged(device, nameOf.apply(device), next.driversOf(device), next));
            }
        }
        for (String c : before.controllers()) {
            if (!next.controllers().contains(c)) {
                tell(new PresenceEvent.ControllerLeft(c, next));
            }
        }
    }

    /** Nothing is known any more; told when something was known, or {@code always}. */
    private void unknown(PresenceEvent.Unavailable.Why why, String reason, boolean always) {
        boolean wasKnown = current != null;
        current = null;
        if (wasKnown || always) {
            tell(new PresenceEvent.Unavailable(why, reason));
        }
    }

    private void tell(PresenceEvent event) {
        try {
            listener.presence(event);
        } catch (RuntimeException e) {
            log.warn("a presence listener threw", e);
        }
    }
}
