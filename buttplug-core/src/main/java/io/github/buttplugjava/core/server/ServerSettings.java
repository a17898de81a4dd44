package io.github.buttplugjava.core.server;

/**
 * What every session of a server shares: the name and MaxPingTime sent in ServerInfo (ms, 0 = no
 * ping required), and how long a connection may wait before its RequestServerInfo (ms, 0 = forever).
 */
record ServerSettings(String name, long maxPingTimeMs, long handshakeTimeoutMs) {

    ServerSettings(String name, long maxPingTimeMs) {
        this(name, maxPingTimeMs, 0);
    }
}
