/** Not API: a HID device as a peripheral of the device layer, and the hid4java bus. */
package io.github.buttplugjava.device.hid.internal;
