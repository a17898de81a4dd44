/**
 * A simulated BLE backend: {@link io.github.buttplugjava.btle.sim.SimulatedAdapter} offers
 * {@link io.github.buttplugjava.btle.sim.SimulatedToy}s whose
 * {@link io.github.buttplugjava.btle.sim.ToyBehaviour} answers writes and reads.
 * {@link io.github.buttplugjava.btle.sim.SimulatedBle} builds toys of many protocol families that
 * answer their handshakes, for demos and {@code serve --simulate}.
 */
package io.github.buttplugjava.btle.sim;
