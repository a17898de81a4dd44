/**
 * Device SPI: what a server drives. A {@link io.github.buttplugjava.core.device.DeviceSource}
 * finds {@link io.github.buttplugjava.core.device.Device}s (BLE, another Buttplug server, a
 * remote agent, a simulation) and reports them to a listener.
 *
 * <p>Implementations never block the caller: every operation returns a
 * {@link java.util.concurrent.CompletableFuture} that fails with a
 * {@link io.github.buttplugjava.core.ButtplugException} subclass (usually
 * {@link io.github.buttplugjava.core.ButtplugDeviceException}).
 *
 * <p>{@link io.github.buttplugjava.core.device.ForwardingDevice} is the base of wrappers that
 * change some calls of a device (its name, a check before a command) and pass the rest on.
 */
package io.github.buttplugjava.core.device;
