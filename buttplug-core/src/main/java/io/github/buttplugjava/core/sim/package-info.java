/**
 * Simulated toys: a {@link io.github.buttplugjava.core.device.DeviceSource} whose devices record
 * every command (for tests) and log it (for demos). {@code SimulatedDevices.of("lovense", "wevibe")}.
 */
package io.github.buttplugjava.core.sim;
