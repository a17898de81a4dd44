package io.github.buttplugjava.cluster.internal;

import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.link.HandoverConnector;
import io.github.buttplugjava.transport.ws.server.Admission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * buttplug-js 0.13 links at an entry node, authenticated against the stored token hashes like
 * every other link, then placed (served here or bridged to the room's owner):
 * <ul>
 *   <li>forwarders at the hub's forwarder path: the room's share token as the first frame,
 *       answered {@code ok} (the 0.13 sample app's hub), or as the path's last segment;</li>
 *   <li>password-first controllers at {@code /} when the hub takes them: a control token as the
 *       first frame, answered {@code ok}; then an ordinary controller of its room.</li>
 * </ul>
 * The owner reads a forwarder's first {@code DeviceAdded} itself (its alias) and holds its devices
 * to the room's legacy grant. A wrong password closes the link, as the 0.13 hub does, and is
 * counted in the hub's summary of failed authentications; a token in a path that opens nothing
 * is left to the hub, which refuses it and counts the failure. Tokens are never logged.
 */
final class LegacyEntry {

    private static final Logger log = LoggerFactory.getLogger(LegacyEntry.class);
    private static final int MAX_TOKEN_CHARS = 256;

    /** Where an authenticated link goes next (the cluster router's placing). */
    interface Placer {
        /**
         * Places a link.
         *
         * @param placement what it is
         * @param link      the link
         */
        void place(Placement placement, ButtplugConnector link);
    }

    private final RoomStore store;
    private final ScheduledExecutorService timers;
    private final Duration passwordTimeout;
    private final Placer placer;
    private volatile RemoteServer hub;
    private volatile String forwarderPath;
    private volatile boolean passwordFirst;

    LegacyEntry(RoomStore store, ScheduledExecutorService timers, Duration passwordTimeout, Placer placer) {
        this.store = store;
        this.timers = timers;
        this.passwordTimeout = passwordTimeout;
        this.placer = placer;
    }

    /** Takes the hub's legacy settings (set once, before links arrive). */
    void serve(RemoteServer hub) {
        this.hub = hub;
        this.forwarderPath = hub.legacyForwarderPath().orElse(null);
        this.passwordFirst = hub.takesPasswordFirstControllers();
    }

    /**
     * Takes a legacy link.
     *
     * @return the admission, or empty when the path is not a legacy path (or its token opens nothing)
     */
    Optional<Admission> route(String path, ButtplugConnector connector) {
        if (path == null) {
            return Optional.empty();
        }
        String forwarders = forwarderPath;
        if (forwarders != null && path.equals(forwarders)) {
            withPassword(connector, TokenKind.SHARE, "forwarder");
            return Optional.of(Admission.accept());
        }
        if (forwarders != null && path.startsWith(forwarders + "/")) {
            Optional<TokenEntry> room = lookup(path.substring(forwarders.length() + 1), TokenKind.SHARE);
            if (room.isEmpty()) {
                return Optional.empty(); // the hub refuses it and counts the failure
            }
            placer.place(forwarder(room.get()), connector);
            return Optional.of(Admission.accept());
        }
        if (passwordFirst && RemoteServer.PASSWORD_FIRST_PATH.equals(path)) {
            withPassword(connector, TokenKind.CONTROL, "controller");
            return Optional.of(Admission.accept());
        }
        return Optional.empty();
    }

    private Optional<TokenEntry> lookup(String token, TokenKind kind) {
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        return store.index().token(store.hasher().hash(token)).filter(e -> e.kind() == kind);
    }

    /** Counted in the hub's summary of failed authentications (one line per address a minute). */
    private void failed(ButtplugConnector link, String reason) {
        RemoteServer h = hub;
        if (h != null) {
            h.authenticationFailed(link, reason);
        } else {
            log.info("0.13 link refused: {}", reason);
        }
    }

    private static Placement forwarder(TokenEntry room) {
        return new Placement(room.room(), LinkKind.FORWARDER, "", 0, "", "");
    }

    /** Reads the first frame as a password within the deadline; a known one is answered ok and placed. */
    private void withPassword(ButtplugConnector connector, TokenKind kind, String who) {
        HandoverConnector.open(connector).thenAccept(h -> {
            ScheduledFuture<?> deadline = timers.schedule(() -> {
                if (!h.firstFrame().isDone()) {
                    failed(connector, "no " + who + " password in time");
                    connector.close();
                }
            }, passwordTimeout.toMillis(), TimeUnit.MILLISECONDS);
            h.firstFrame().whenComplete((frame, e) -> {
                deadline.cancel(false);
                if (e == null) {
                    password(h, frame.strip(), kind, who);
                }
            });
        }).exceptionally(e -> {
            connector.close();
            return null;
        });
    }

    private void password(HandoverConnector link, String token, TokenKind kind, String who) {
        Optional<TokenEntry> entry = lookup(token, kind);
        if (entry.isEmpty()) {
            failed(link, kind == TokenKind.CONTROL ? "unknown control token" : "unknown share token");
            link.abort("wrong password");
            return;
        }
        TokenEntry e = entry.get();
        Placement placement = kind == TokenKind.CONTROL ? new Placement(e.room(), LinkKind.CONTROL, e.name(), 0, "", "")
                : forwarder(e);
        link.send("ok").thenRun(() -> placer.place(placement, link)).exceptionally(x -> {
            link.close();
            return null;
        });
    }
}
