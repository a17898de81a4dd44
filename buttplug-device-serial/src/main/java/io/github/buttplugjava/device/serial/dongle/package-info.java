/**
 * The Lovense USB dongle (the serial one): {@link io.github.buttplugjava.device.serial.dongle.LovenseDongleSource}
 * drives the toy the dongle connects to with the Lovense protocol handlers of
 * {@code io.github.buttplugjava.btle.protocol}.
 */
package io.github.buttplugjava.device.serial.dongle;
