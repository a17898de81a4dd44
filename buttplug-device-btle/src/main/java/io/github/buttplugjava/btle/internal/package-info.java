/** Machinery shared by the BLE packages; not API, may change without notice. */
package io.github.buttplugjava.btle.internal;
