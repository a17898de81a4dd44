package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.Deadlines;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.link.HandoverConnector;
import io.github.buttplugjava.remote.link.Hello;
import io.github.buttplugjava.remote.link.HelloReply;
import io.github.buttplugjava.remote.link.LinkExtensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * The hub's side of the share-link handshake: reads an agent's hello within the hello timeout,
 * checks its protocol and share token, reserves its alias in the room (closing the agent's own
 * stale link first when its resume key says it is one) and answers welcome (then the room takes
 * the link) or denied (then the link is closed). Every failure is counted in the
 * hub's {@link AuthFailureLog}, never with the token.
 */
final class AgentAdmission {

    private static final Logger log = LoggerFactory.getLogger(RemoteServer.class);

    private final RoomRegistry rooms;
    private final AuthFailureLog authFailures;
    private final Duration helloTimeout;
    private final Scheduling scheduling;
    /** The hub's heartbeat, for agents whose hello agreed to it. */
    private final Heartbeats heartbeats;

    AgentAdmission(RoomRegistry rooms, AuthFailureLog authFailures, Duration helloTimeout, Scheduling scheduling,
                   Heartbeats heartbeats) {
        this.heartbeats = heartbeats;
        this.rooms = rooms;
        this.authFailures = authFailures;
        this.helloTimeout = helloTimeout;
        this.scheduling = scheduling;
    }

    /** Takes an agent link: reads its hello, welcomes or denies it. */
    void accept(ButtplugConnector connector) {
        // No frame counting here: the hub's own client bounds what an agent sends unasked, and an
        // agent's replies are bounded by the commands relayed to it (coalesced per feature).
        String address = AuthFailureLog.addressOf(connector);
        HandoverConnector.open(connector, scheduling.nanoClock()).thenCompose(h ->
                        Deadlines.orTimeout(h.firstFrame(), helloTimeout, scheduling)
                        .thenAccept(frame -> hello(h, frame, address)))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        authFailures.refused(address, "no hello in time");
                        connector.close();
                    }
                });
    }

    private void hello(HandoverConnector link, String frame, String address) {
        Hello hello;
        try {
            hello = Hello.decode(frame);
        } catch (IllegalArgumentException e) {
            authFailures.refused(address, "bad hello");
            deny(link, e.getMessage());
            return;
        }
        if (hello.protocol() != Hello.PROTOCOL) {
            authFailures.refused(address, "bad hello");
            deny(link, "agent protocol " + hello.protocol() + " is not supported; this hub speaks " + Hello.PROTOCOL);
            return;
        }
        Optional<Room> found = rooms.withShareToken(hello.token());
        boolean invited = false;
        if (found.isEmpty()) {
            found = rooms.withInviteToken(hello.token());
            invited = found.isPresent();
        }
        if (found.isEmpty()) {
            authFailures.refused(address, "unknown share token");
            deny(link, "unknown share token");
            return;
        }
        Room room = found.get();
        String alias = hello.alias();
        if (invited && !room.invitedAlias(hello.token()).map(alias::equals).orElse(false)) {
            authFailures.refused(address, "invite used with another alias");
            deny(link, "this invite is for another alias");
            return;
        }
        Optional<String> linkId = room.reserveAgent(alias, invited, hello.resume(), link::abort);
        if (linkId.isEmpty()) {
            String reason = room.refusal(alias, invited);
            log.info("room {}: denied agent {} from {}: {}", room.name(), alias, address, reason);
            deny(link, reason);
            return;
        }
        LinkExtensions agreed = LinkExtensions.SUPPORTED.agreedWith(hello.extensions());
        log.info("agent {} joins room {}", alias, room.name());
        link.send(new HelloReply.Welcome(Hello.PROTOCOL, room.name(), agreed).encode())
                .thenRun(() -> room.attachAgent(linkId.get(), alias, link, agreed.has(LinkExtensions.PRESENCE),
                        agreed.has(LinkExtensions.HEARTBEAT) ? heartbeats : null))
                .exceptionally(e -> {
                    room.releaseAgent(linkId.get());
                    link.close();
                    return null;
                });
    }

    private static void deny(HandoverConnector link, String reason) {
        link.send(new HelloReply.Denied(reason).encode()).whenComplete((v, e) -> link.close());
    }
}
