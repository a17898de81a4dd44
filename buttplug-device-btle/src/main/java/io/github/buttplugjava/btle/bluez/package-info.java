/**
 * The BlueZ D-Bus backend: {@link io.github.buttplugjava.btle.bluez.BluezBleAdapter} talks to
 * bluetoothd over the system bus (or any bus given in
 * {@link io.github.buttplugjava.btle.bluez.BluezOptions}), with write-type control, notifications,
 * reads, adapter power and discovery filters. Needs the optional dependencies
 * {@code com.github.hypfvieh:bluez-dbus-osgi} and {@code dbus-java-transport-native-unixsocket}.
 */
package io.github.buttplugjava.btle.bluez;
