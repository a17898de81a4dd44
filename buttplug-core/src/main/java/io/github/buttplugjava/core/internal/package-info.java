/**
 * Machinery shared by the core packages (serial executors, default thread pools). Not API: it may
 * change without notice.
 */
package io.github.buttplugjava.core.internal;
