/**
 * Protocol handlers: one small package-private class per protocol behind
 * {@link io.github.buttplugjava.btle.protocol.ProtocolHandler}, registered by id in
 * {@link io.github.buttplugjava.btle.protocol.Protocols} (listed explicitly, no scanning). A
 * handler identifies the model and runs the handshake over
 * {@link io.github.buttplugjava.btle.protocol.HardwareIo}, and turns output commands into
 * {@link io.github.buttplugjava.btle.protocol.HardwareCommand} values without I/O. Handlers speak
 * named {@link io.github.buttplugjava.btle.Endpoint}s, never UUIDs.
 *
 * <p>Byte encodings follow the Buttplug reference implementation (github.com/buttplugio/buttplug,
 * BSD-3-Clause); see docs/PROTOCOLS.md for the status of every protocol.
 */
package io.github.buttplugjava.btle.protocol;
