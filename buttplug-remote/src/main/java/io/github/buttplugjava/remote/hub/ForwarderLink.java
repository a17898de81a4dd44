package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.GrantFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The hub's end of one buttplug-js 0.13 forwarder: its {@link ForwarderDevices} (commands written
 * to the forwarder in spec v1, its {@code Ok}s read back, with the same reply deadline, message
 * limits and {@link AgentCaps} as an agent's link), with the room's legacy grant in between.
 *
 * <p>A 0.13 forwarder enforces nothing: it runs whatever it is sent on the toy. So every device it
 * shares passes through a {@link GrantFilter} at the hub, under the room's legacy grant: only the
 * granted output types are shown, ranges are shrunk to the maximum level, every command is checked
 * again and held to the minimum interval (latest wins), and stops always pass. When the link ends
 * the devices leave at once and waiting commands fail; the hub cannot stop the toys of a forwarder
 * whose link is gone (0.13 does not stop them itself; docs/REMOTE.md says so).
 */
final class ForwarderLink {

    private static final Logger log = LoggerFactory.getLogger(ForwarderLink.class);

    private final String linkId;
    private final String alias;
    private final ButtplugConnector link;
    private final RoomSource room;
    private final DeviceGrant grant;
    private final ForwarderDevices devices;
    private final Scheduling scheduling;

    /**
     * @param linkId     the link's reservation in the room
     * @param alias      the forwarder's alias
     * @param link       the forwarder's link, its first frame already read
     * @param firstFrame that first frame (the forwarder's first device)
     * @param maxFrameChars the longest frame read from the forwarder
     * @param room       the room's devices
     * @param caps       most devices and features the forwarder may share
     * @param limits     the link's message limits
     * @param grant      the room's legacy grant, held at the hub
     * @param scheduling timers, clock and executors of the hub
     * @param replyTimeout how long a command waits for the forwarder's Ok
     */
    ForwarderLink(String linkId, String alias, ButtplugConnector link, String firstFrame, int maxFrameChars,
                  RoomSource room, AgentCaps caps, MessageLimits limits, DeviceGrant grant, Scheduling scheduling,
                  Duration replyTimeout) {
        this.scheduling = scheduling;
        this.linkId = linkId;
        this.alias = alias;
        this.link = link;
        this.room = room;
        this.grant = grant;
        this.devices = new ForwarderDevices(link, firstFrame, replyTimeout, maxFrameChars, caps, limits, scheduling,
                this::ended);
    }

    void start() {
        GrantFilter granted = new GrantFilter(devices, scheduling);
        granted.shareAll(grant);
        room.attach(linkId, granted, link::abort);
        room.firstListDone(linkId);
        log.info("0.13 forwarder {} joined; the room's legacy grant holds its devices", alias);
    }

    private void ended(Throwable cause) {
        if (cause == null) {
            log.info("0.13 forwarder {} left", alias);
        } else {
            log.info("0.13 forwarder {} left: {}", alias, PeerText.error(cause.getMessage()));
        }
        room.detach(linkId);
    }
}
