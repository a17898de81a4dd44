/**
 * The share agent of remote sharing: shares chosen local devices with a hub, within grants the
 * owner sets and changes at run time.
 *
 * <p>API: {@link io.github.buttplugjava.remote.agent.RemoteClient} (the agent: a Buttplug server
 * that dials out to the hub), {@link io.github.buttplugjava.remote.agent.GrantFilter} (what of the
 * local devices is shared, paused, revoked), {@link io.github.buttplugjava.remote.agent.DeviceGrant}
 * and {@link io.github.buttplugjava.remote.agent.OutputGrant} (what is shared and how much).
 *
 * <p>The rest is package-private: the granted view of a device and the device that enforces it,
 * the grant table, expiry timers, the queue of changes and the opaque identifiers.
 *
 * <p>Nulls are not accepted unless a parameter says so. Futures fail with
 * {@link io.github.buttplugjava.core.ButtplugException} subclasses carrying spec error codes.
 */
package io.github.buttplugjava.remote.agent;
