/**
 * BLE devices for Buttplug. A {@link io.github.buttplugjava.btle.BleAdapter} scans and connects,
 * a {@link io.github.buttplugjava.btle.BlePeripheral} does GATT I/O by service and characteristic
 * UUID. Backends: {@code sim} (simulated toys), {@code tinyb}, {@code bluez} (D-Bus).
 * {@link io.github.buttplugjava.btle.BleDeviceSource} turns an adapter into a core
 * {@code DeviceSource}: it matches advertisements against the device configuration
 * ({@code btle.config}), runs the protocol handler ({@code btle.protocol}) and offers v4 devices.
 *
 * <pre>{@code
 * DeviceSource ble = new BleDeviceSource(adapter, DeviceConfiguration.bundled());
 * DeviceManager devices = DeviceManager.of(ble);
 * }</pre>
 *
 * <p>Everything is asynchronous: methods return at once and complete a
 * {@link java.util.concurrent.CompletableFuture}; failures are
 * {@link io.github.buttplugjava.btle.BleException}s (or other
 * {@link io.github.buttplugjava.core.ButtplugDeviceException}s). Protocol code above this layer
 * speaks named {@link io.github.buttplugjava.btle.Endpoint}s, never UUIDs.
 */
package io.github.buttplugjava.btle;
