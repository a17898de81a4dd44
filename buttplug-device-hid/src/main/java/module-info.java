/**
 * buttplug-device-hid: HID toys (Nintendo Joy-Con rumble) through the protocol handlers and device
 * layer of {@code io.github.buttplugjava.btle}, on hid4java. {@code device.hid.internal} is not
 * exported.
 */
@SuppressWarnings("requires-automatic") // hid4java has no module descriptor; see docs/RELEASING.md
module io.github.buttplugjava.device.hid {
    requires transitive io.github.buttplugjava.btle;
    requires hid4java;
    requires org.slf4j;

    exports io.github.buttplugjava.device.hid;
}
