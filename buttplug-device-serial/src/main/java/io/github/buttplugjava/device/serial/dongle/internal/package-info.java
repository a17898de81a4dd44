/**
 * Not API: the Lovense USB dongle's wire format (JSON lines), its conversation (state machine),
 * the paced lines to it and its toy as a peripheral of the Lovense protocol.
 */
package io.github.buttplugjava.device.serial.dongle.internal;
