/**
 * Serial-port devices for Buttplug: {@link io.github.buttplugjava.device.serial.SerialDeviceSource}
 * drives the devices on configured ports ({@link io.github.buttplugjava.device.serial.SerialPortSpec},
 * {@code PORT=PROTOCOL}) with the protocol handlers and device layer of
 * {@code buttplug-device-btle}: TCode v0.3 strokers (OSR2, SR6), Nobra, Kizuna, Next Level Racing.
 */
package io.github.buttplugjava.device.serial;
