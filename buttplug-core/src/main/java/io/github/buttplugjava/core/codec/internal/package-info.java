/**
 * Codec internals: frame reading and writing, strict body readers, and the per-version
 * converters. Not API; may change at any time.
 */
package io.github.buttplugjava.core.codec.internal;
