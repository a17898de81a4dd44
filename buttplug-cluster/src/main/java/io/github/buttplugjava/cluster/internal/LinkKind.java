package io.github.buttplugjava.cluster.internal;

/** What an authenticated link is in its room, as an entry node tells the owner ({@link Placement}). */
enum LinkKind {
    /** An agent with the room's share token. */
    SHARE,
    /** An agent with an invite. */
    INVITE,
    /** A controller (by its control URL, or password-first). */
    CONTROL,
    /** A buttplug-js 0.13 forwarder with the room's share token: its next frame is its first DeviceAdded. */
    FORWARDER;

    /** What an agent's token makes of its link: a share or an invite. */
    static LinkKind ofAgent(TokenKind token) {
        return token == TokenKind.INVITE ? INVITE : SHARE;
    }
}
