/**
 * HID toys: {@link io.github.buttplugjava.device.hid.HidDeviceSource} finds the HID devices of the
 * configuration's HID protocols ({@code nintendo-joycon}) on a {@link io.github.buttplugjava.device.hid.HidBus}
 * (hid4java by default) and drives them with the handlers of {@code io.github.buttplugjava.btle.protocol}.
 */
package io.github.buttplugjava.device.hid;
