package io.github.buttplugjava.core.server;

/**
 * What every session of a server shares: the name and MaxPingTime sent in ServerInfo (ms, 0 = no
 * ping required), how long a connection may wait before its RequestServerInfo (ms, 0 = forever),
 * and how long a request may wait for its devices before it is answered with an error (ms).
 */
record ServerSettings(String name, long maxPingTimeMs, long handshakeTimeoutMs, long commandTimeoutMs) {

    /** Default deadline of a request on its devices: 10 s. */
    static final long DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

    ServerSettings(String name, long maxPingTimeMs) {
        this(name, maxPingTimeMs, 0, DEFAULT_COMMAND_TIMEOUT_MS);
    }
}
