package io.github.buttplugjava.cluster.internal;

/**
 * What a token hash names: a room and what the token opens there.
 *
 * @param room the room's name
 * @param kind share, invite or control
 * @param name the controller's name or the invite's alias; empty for a share token
 */
public record TokenEntry(String room, TokenKind kind, String name) {
}
