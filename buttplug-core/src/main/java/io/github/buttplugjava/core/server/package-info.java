/**
 * The embedded Buttplug server: {@link io.github.buttplugjava.core.server.ButtplugServer} serves
 * sessions (spec v0..v4) over connectors, all driving the devices of one
 * {@link io.github.buttplugjava.core.server.DeviceManager}. Arguments are non-null.
 *
 * @see <a href="https://docs.buttplug.io/docs/spec">Buttplug protocol specification</a>
 */
package io.github.buttplugjava.core.server;
