/**
 * The device configuration: the official v4 configuration bundled as a resource (BSD-3-Clause,
 * {@code LICENSE-buttplug.txt} beside it) with a user configuration on top.
 * {@link io.github.buttplugjava.btle.config.DeviceConfiguration} matches advertisements to
 * protocols ({@link io.github.buttplugjava.btle.config.BtleSpecifier}) and gives each identified
 * device its {@link io.github.buttplugjava.btle.config.DeviceDefinition}: name, v4 features with
 * user ranges, display name, allow/deny and reserved index.
 *
 * <p>All types are immutable values; nothing here does I/O after loading. Nulls are refused unless
 * a component says otherwise.
 */
package io.github.buttplugjava.btle.config;
