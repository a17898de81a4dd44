/**
 * The Buttplug client: {@link io.github.buttplugjava.core.client.ButtplugClient} over any
 * connector, its devices ({@link io.github.buttplugjava.core.client.ButtplugClientDevice}) and
 * events ({@link io.github.buttplugjava.core.client.ButtplugClientListener}). Arguments are
 * non-null unless stated; futures fail with {@link io.github.buttplugjava.core.ButtplugException}
 * subclasses.
 */
package io.github.buttplugjava.core.client;
