/**
 * The hub of remote sharing: rooms where many agents share devices and controllers drive them.
 *
 * <p>API: {@link io.github.buttplugjava.remote.hub.RemoteServer} (the hub: rooms, one WebSocket
 * port with {@code /share} for agents and {@code /control/<token>} for controllers), its
 * {@link io.github.buttplugjava.remote.hub.RemoteServerBuilder} (address, TLS, limits, timeouts)
 * and {@link io.github.buttplugjava.remote.hub.Room} (one room, its tokens, devices and controller).
 *
 * <p>The rest is package-private: the room registry, the path router, the agent admission (hello,
 * token, alias), each agent's link and its caps, the room's device source with its aliased
 * devices, the look-alike check of aliases, the refusal of a second controller and the summary of
 * failed authentications.
 *
 * <p>Nulls are not accepted unless a parameter says so. Futures fail with
 * {@link io.github.buttplugjava.core.ButtplugException} subclasses carrying spec error codes.
 */
package io.github.buttplugjava.remote.hub;
