/**
 * BLE abstraction: a {@link io.github.buttplugjava.btle.BleAdapter} scans and connects, a
 * {@link io.github.buttplugjava.btle.BlePeripheral} does GATT I/O by service and characteristic
 * UUID. Backends: {@code sim} (simulated toys), {@code tinyb}, {@code bluez} (D-Bus).
 *
 * <p>Everything is asynchronous: methods return at once and complete a
 * {@link java.util.concurrent.CompletableFuture}; failures are
 * {@link io.github.buttplugjava.btle.BleException}s. Protocol code above this layer speaks named
 * endpoints, never UUIDs.
 */
package io.github.buttplugjava.btle;
