/** Not API: the serial port as a peripheral of the device layer (bounded writes, reader thread). */
package io.github.buttplugjava.device.serial.internal;
