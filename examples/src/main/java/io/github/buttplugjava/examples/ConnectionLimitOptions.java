package io.github.buttplugjava.examples;

import io.github.buttplugjava.remote.hub.RemoteServer;
import io.github.buttplugjava.remote.hub.RemoteServerBuilder;
import io.github.buttplugjava.transport.ws.server.ButtplugWebSocketServer;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The transport limits of {@code serve} and {@code hub} (docs/LIMITS.md §1), as options. An
 * option left out keeps the server's default, which holds for a public server.
 */
final class ConnectionLimitOptions {

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Most TCP connections open at once, upgraded or not (default: serve 1024, hub 16384).")
    Integer maxConnections;

    @Option(names = "--max-pending", paramLabel = "N",
            description = "Most connections that have not sent a first message yet; the oldest is closed to make room (default 1024).")
    Integer maxPending;

    @Option(names = "--max-pending-per-address", paramLabel = "N",
            description = "The same, per remote address (default 32).")
    Integer maxPendingPerAddress;

    @Option(names = "--upgrade-timeout-ms", paramLabel = "MS",
            description = "Close a connection that has not finished its WebSocket upgrade within this time (default 5000).")
    Long upgradeTimeoutMs;

    @Option(names = "--first-frame-timeout-ms", paramLabel = "MS",
            description = "Close a WebSocket that sends no message within this time after its upgrade (default 10000).")
    Long firstFrameTimeoutMs;

    @Option(names = "--max-unsent-bytes", paramLabel = "BYTES",
            description = "Close a client that leaves more than this many bytes unread (default 4194304).")
    Long maxUnsentBytes;

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES",
            description = "Largest WebSocket text frame accepted (default 1048576).")
    Integer maxFrameBytes;

    /** Applies what was given to a {@code serve} server. */
    void applyTo(ButtplugWebSocketServer.Builder b) {
        if (maxConnections != null) {
            b.maxConnections(maxConnections);
        }
        if (maxPending != null || maxPendingPerAddress != null) {
            int total = or(maxPending, 1024);
            b.maxPendingConnections(total, or(maxPendingPerAddress, Math.min(32, total)));
        }
        if (upgradeTimeoutMs != null) {
            b.upgradeTimeout(Duration.ofMillis(upgradeTimeoutMs));
        }
        if (firstFrameTimeoutMs != null) {
            b.firstFrameTimeout(Duration.ofMillis(firstFrameTimeoutMs));
        }
        if (maxUnsentBytes != null) {
            b.maxUnsentBytes(maxUnsentBytes);
        }
        if (maxFrameBytes != null) {
            b.maxFrameSize(maxFrameBytes);
        }
    }

    /** Applies what was given to a hub. */
    void applyTo(RemoteServerBuilder b) {
        if (maxConnections != null) {
            b.maxConnections(maxConnections);
        }
        if (maxPending != null || maxPendingPerAddress != null) {
            int total = or(maxPending, RemoteServer.DEFAULT_MAX_PENDING_CONNECTIONS);
            b.maxPendingConnections(total, or(maxPendingPerAddress,
                    Math.min(RemoteServer.DEFAULT_MAX_PENDING_PER_ADDRESS, total)));
        }
        if (upgradeTimeoutMs != null) {
            b.upgradeTimeout(Duration.ofMillis(upgradeTimeoutMs));
        }
        if (firstFrameTimeoutMs != null) {
            b.firstFrameTimeout(Duration.ofMillis(firstFrameTimeoutMs));
        }
        if (maxUnsentBytes != null) {
            b.maxUnsentBytes(maxUnsentBytes);
        }
        if (maxFrameBytes != null) {
            b.maxFrameSize(maxFrameBytes);
        }
    }

    /** The frame size in characters for the Buttplug codec (at least 64). */
    int maxFrameChars(int fallback) {
        return Math.max(64, maxFrameBytes == null ? fallback : maxFrameBytes);
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
