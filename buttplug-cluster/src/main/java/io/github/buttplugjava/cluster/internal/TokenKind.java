package io.github.buttplugjava.cluster.internal;

/** What a token opens in a cluster room. */
public enum TokenKind {
    /** The room's share token: any alias may share. */
    SHARE,
    /** An invite: one alias may share. */
    INVITE,
    /** A controller's token. */
    CONTROL
}
