/**
 * The Buttplug client: {@link io.github.buttplugjava.core.client.ButtplugClient} over any
 * connector, its devices ({@link io.github.buttplugjava.core.client.ButtplugClientDevice}) and
 * events ({@link io.github.buttplugjava.core.client.ButtplugClientListener}). Arguments are
 * non-null unless stated; futures fail with {@link io.github.buttplugjava.core.ButtplugException}
 * subclasses.
 *
 * <p>{@link io.github.buttplugjava.core.client.ClientDeviceSource} turns the other way round: the
 * devices of a connected client (Intiface, another server, a share agent seen by the hub) become a
 * {@link io.github.buttplugjava.core.device.DeviceSource} for this process's own server.
 */
package io.github.buttplugjava.core.client;
