/**
 * Machinery shared by the core packages and the modules built on them (serial executors, default
 * thread pools, latest-wins command slots with their pacer, which commands stop an output). Not
 * API: it may change without notice.
 */
package io.github.buttplugjava.core.internal;
