package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.client.ClientDeviceSource;
import io.github.buttplugjava.core.connector.MessageLimits;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import io.github.buttplugjava.remote.agent.GrantFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The hub's end of one buttplug-js 0.13 forwarder: the same Buttplug client as over an agent's
 * link (same reply deadline, message limits and {@link AgentCaps}), run over a
 * {@link ForwarderConnector}, with the room's legacy grant in between.
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
    private final ForwarderConnector link;
    private final RoomSource room;
    private final DeviceGrant grant;
    private final ButtplugClient client;
    private final Scheduling scheduling;

    ForwarderLink(String linkId, String alias, ForwarderConnector link, RoomSource room, AgentCaps caps,
                  MessageLimits limits, DeviceGrant grant, Scheduling scheduling) {
        this.scheduling = scheduling;
        this.linkId = linkId;
        this.alias = alias;
        this.link = link;
        this.room = room;
        this.grant = grant;
        this.client = ButtplugClient.builder("buttplug-java hub").requestTimeout(AgentLink.AGENT_REPLY_TIMEOUT)
                .fallbackToV3(false).limits(limits).maxDevices(caps.maxDevices())
                .maxFeaturesPerDevice(caps.maxFeatures()).minPingInterval(AgentLink.MIN_PING_INTERVAL).scheduling(scheduling).build();
    }

    void start() {
        client.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                log.info("0.13 forwarder {} left", alias);
                room.detach(linkId);
            }
        });
        GrantFilter granted = new GrantFilter(new ClientDeviceSource(client), scheduling);
        granted.shareAll(grant);
        room.attach(linkId, granted, link::abort);
        client.connect(link).whenComplete((v, e) -> {
            if (e != null) {
                log.warn("0.13 forwarder {}: the link failed before its devices were read: {}", alias,
                        PeerText.error(e.getMessage()));
                room.detach(linkId);
                link.close();
            } else {
                room.firstListDone(linkId);
                log.info("0.13 forwarder {} joined; the room's legacy grant holds its devices", alias);
            }
        });
    }
}
