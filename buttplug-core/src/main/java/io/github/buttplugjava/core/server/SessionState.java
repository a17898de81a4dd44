package io.github.buttplugjava.core.server;

/** Where a server session is in its single-use life. */
enum SessionState {
    /** Waiting for RequestServerInfo. */
    AWAITING_HANDSHAKE,
    /** Handshake done; commands accepted. */
    CONNECTED,
    /** The client missed its ping: devices stopped, every message answered with ERROR_PING. */
    PINGED_OUT,
    /** The connector closed; nothing more is sent. */
    CLOSED
}
