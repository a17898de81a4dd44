/**
 * The Buttplug message model, spec v4: one immutable record per message under the sealed
 * {@link io.github.buttplugjava.core.message.Message} interface.
 *
 * <p>Everything inside the library speaks v4. Older wire versions (v0..v3) are converted to and
 * from this model at the edge by {@code io.github.buttplugjava.core.codec}. No type here knows
 * JSON. All record components are non-null unless documented otherwise; collections are copied
 * and unmodifiable. Ids follow the spec: 1..4294967295 for client messages, 0 for server events.
 *
 * @see <a href="https://docs.buttplug.io/docs/spec">Buttplug protocol specification</a>
 */
package io.github.buttplugjava.core.message;
