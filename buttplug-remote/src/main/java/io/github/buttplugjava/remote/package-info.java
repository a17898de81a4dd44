/**
 * Remote sharing: many people share chosen toys, with limits, through a hub to one controller,
 * and any unmodified Buttplug app can be that controller.
 *
 * <ul>
 *   <li>{@link io.github.buttplugjava.remote.RemoteServer} is the hub: rooms, a {@code /share}
 *       endpoint for agents and a {@code /control/<token>} endpoint that is an ordinary Buttplug
 *       server over the room's devices. {@link io.github.buttplugjava.remote.Room} is one room.</li>
 *   <li>{@link io.github.buttplugjava.remote.RemoteClient} is the share agent: a Buttplug server
 *       that dials out to the hub and serves the local devices through a
 *       {@link io.github.buttplugjava.remote.GrantFilter}.</li>
 *   <li>{@link io.github.buttplugjava.remote.DeviceGrant} and
 *       {@link io.github.buttplugjava.remote.OutputGrant} say what is shared and how much.</li>
 *   <li>{@link io.github.buttplugjava.remote.ClientDeviceSource} turns another Buttplug server
 *       (Intiface, or an agent as seen by the hub) into a device source.</li>
 *   <li>{@link io.github.buttplugjava.remote.AccessToken} is a share or control secret.</li>
 * </ul>
 *
 * <p>The share link: the agent dials the hub and sends
 * {@code {"Hello":{"AgentProtocol":1,"Token":"…","Alias":"…"}}}; the hub answers
 * {@code {"Welcome":{"AgentProtocol":1,"Room":"…"}}} or {@code {"Denied":{"Reason":"…"}}} (and
 * closes). After a welcome the same socket carries plain Buttplug JSON with the hub as the client
 * and the agent as the server, so the agent's own server validates every command and its
 * MaxPingTime stops the toys if the hub goes silent.
 *
 * <p>Nulls are not accepted unless a parameter says so. Futures fail with
 * {@link io.github.buttplugjava.core.ButtplugException} subclasses carrying spec error codes.
 */
package io.github.buttplugjava.remote;
