/**
 * The Buttplug JSON wire codec, spec v0..v4.
 *
 * <p>{@link io.github.buttplugjava.core.codec.JsonCodec} reads and writes the v4 wire form of every
 * message and is thread-safe. {@link io.github.buttplugjava.core.codec.ServerCodec} and
 * {@link io.github.buttplugjava.core.codec.ClientCodec} are per-connection and convert spec v0..v3
 * to and from the v4 model at the edge, with the spec's rounding. Bad input never escapes as
 * anything but a {@link io.github.buttplugjava.core.codec.DecodeException} (ERROR_MSG) or, on the
 * server side, a {@link io.github.buttplugjava.core.codec.Decoded.Rejected} entry.
 *
 * <p>All Jackson knowledge stays in this package and its {@code internal} sub-package: the tree
 * model is read with explicit per-message readers, never data binding or default typing.
 *
 * @see <a href="https://docs.buttplug.io/docs/spec">Buttplug protocol specification</a>
 */
package io.github.buttplugjava.core.codec;
