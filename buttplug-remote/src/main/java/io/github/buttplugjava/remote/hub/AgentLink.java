package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.PeerText;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.client.ClientDeviceSource;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.MessageLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The hub's end of one welcomed share link: a Buttplug client over the socket the agent dialed,
 * whose devices join the room while the link lives and leave the moment it ends.
 *
 * <p>The client relays commands with a deadline of {@link #AGENT_REPLY_TIMEOUT}, pings the agent no
 * more often than every {@link #MIN_PING_INTERVAL} whatever MaxPingTime it announces, meters what
 * the agent sends unasked by the hub's {@link MessageLimits} (replies to relayed commands are
 * free), and the room holds the agent to its {@link AgentCaps}. When the agent's hello asked for
 * presence (and the welcome agreed), the room's {@link RoomPresence} sends it presence frames on
 * the same link from its first device list until the link ends. When the welcome agreed to the
 * heartbeat, the hub's {@link Heartbeats} beat on the link from then on and check the agent every
 * {@link Heartbeats#CHECK_INTERVAL} (a ping from its client, which then has no ping timer of its
 * own), to notice an agent that stalled.
 */
final class AgentLink implements Heartbeats.Member {

    private static final Logger log = LoggerFactory.getLogger(AgentLink.class);

    /** How long the hub waits for an agent's reply to a relayed command or a ping. */
    static final Duration AGENT_REPLY_TIMEOUT = Duration.ofSeconds(3);

    /** Least time between two pings of an agent by the hub. */
    static final Duration MIN_PING_INTERVAL = Duration.ofMillis(500);

    private final String linkId;
    private final String alias;
    private final ButtplugConnector link;
    private final RoomSource room;
    private final ButtplugClient client;
    /** Where this agent is told of presence, or null when its hello did not ask for it. */
    private final RoomPresence presence;
    /** The hub's heartbeat, or null when this agent's hello did not agree to it. */
    private final Heartbeats heartbeats;

    AgentLink(String linkId, String alias, ButtplugConnector link, RoomSource room, AgentCaps caps,
              MessageLimits limits, Scheduling scheduling, RoomPresence presence, Heartbeats heartbeats) {
        this.presence = presence;
        this.heartbeats = heartbeats;
        this.linkId = linkId;
        this.alias = alias;
        this.link = link;
        this.room = room;
        // A stalled agent answers no ping: after this its link is closed and its devices leave.
        ButtplugClient.Builder b = ButtplugClient.builder("buttplug-java hub").requestTimeout(AGENT_REPLY_TIMEOUT)
                .fallbackToV3(false).limits(limits).maxDevices(caps.maxDevices())
                .maxFeaturesPerDevice(caps.maxFeatures()).minPingInterval(MIN_PING_INTERVAL).scheduling(scheduling);
        if (heartbeats != null) {
            b.automaticPings(false); // the heartbeat checks it: see check()
        }
        this.client = b.build();
    }

    @Override
    public ButtplugConnector link() {
        return link;
    }

    /**
     * One ping of the agent, from the {@link Heartbeats}: unanswered within
     * {@link #AGENT_REPLY_TIMEOUT}, the link is closed and the agent's devices leave.
     */
    @Override
    public void check() {
        client.ping().whenComplete((v, e) -> {
            if (e != null && client.isConnected()) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                String why = "no answer to a ping: " + PeerText.error(cause.getMessage());
                log.warn("agent {}: {}, closing its link", alias, why);
                link.abort(why);
            }
        });
    }

    void start() {
        client.addListener(new ButtplugClientListener() {
            @Override
            public void disconnected(Throwable cause) {
                log.info("agent {} left", alias);
                if (heartbeats != null) {
                    heartbeats.remove(AgentLink.this);
                }
                if (presence != null) {
                    presence.unsubscribe(linkId);
                }
                room.detach(linkId);
            }
        });
        room.attach(linkId, new ClientDeviceSource(client), link::abort);
        client.connect(link).whenComplete((v, e) -> {
            if (e != null) {
                log.warn("agent {}: Buttplug handshake over the share link failed: {}", alias,
                        PeerText.error(e.getMessage()));
                if (presence != null) {
                    presence.unsubscribe(linkId);
                }
                room.detach(linkId);
                link.close();
            } else {
                room.firstListDone(linkId);
                if (heartbeats != null) {
                    heartbeats.add(this);
                    if (!client.isConnected()) {
                        heartbeats.remove(this);
                    }
                }
                if (presence != null) {
                    presence.subscribe(linkId, link);
                    if (!client.isConnected()) {
                        // it left meanwhile; its listener may have unsubscribed before this subscribed
                        presence.unsubscribe(linkId);
                    }
                }
                log.info("agent {} joined with {} device(s)", alias, client.devices().size());
            }
        });
    }
}
