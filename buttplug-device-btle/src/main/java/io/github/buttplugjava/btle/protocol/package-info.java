/**
 * Protocol handlers: small package-private classes behind
 * {@link io.github.buttplugjava.btle.protocol.ProtocolHandler}, registered by protocol id in
 * {@link io.github.buttplugjava.btle.protocol.Protocols} (listed explicitly, no scanning). A
 * protocol's {@link io.github.buttplugjava.btle.protocol.ProtocolFactory} identifies the model,
 * then makes the handler from the device's definition (Lovense picks one handler per command
 * shape). A handler runs the handshake over {@link io.github.buttplugjava.btle.protocol.HardwareIo},
 * turns output commands into {@link io.github.buttplugjava.btle.protocol.HardwareCommand} values
 * without I/O, and declares what must be written on a clock as
 * {@link io.github.buttplugjava.btle.protocol.PeriodicWork}, which the device layer runs: handlers
 * start no timers. Handlers speak named {@link io.github.buttplugjava.btle.Endpoint}s, never UUIDs.
 *
 * <p>Byte encodings follow the Buttplug reference implementation (github.com/buttplugio/buttplug,
 * BSD-3-Clause); see docs/PROTOCOLS.md for the status of every protocol.
 */
package io.github.buttplugjava.btle.protocol;
