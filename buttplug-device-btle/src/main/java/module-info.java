/**
 * buttplug-device-btle: Bluetooth LE devices (device configuration, protocol handlers, the BlueZ
 * and TinyB backends, simulated peripherals) and Lovense Connect toys (the Lovense app's LAN HTTP API, {@code
 * btle.lovenseconnect}). The backends' libraries are optional ({@code
 * requires static}): neither jar declares a module name, so the names are the ones the JDK derives
 * from the jar files, {@code bluez.dbus.osgi} and {@code bluetooth.manager.tinyb} (see
 * docs/RELEASING.md). {@code btle.internal} (the machinery the backends and the other transports'
 * peripherals and device sources share) is exported only to the sibling modules of those transports.
 */
// requires-automatic: see above and docs/RELEASING.md; module: the qualified export names modules built after this one
@SuppressWarnings({"requires-automatic", "module"})
module io.github.buttplugjava.btle {
    requires transitive io.github.buttplugjava.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires java.net.http;
    requires static bluez.dbus.osgi;
    requires static bluetooth.manager.tinyb;

    exports io.github.buttplugjava.btle;
    exports io.github.buttplugjava.btle.bluez;
    exports io.github.buttplugjava.btle.config;
    exports io.github.buttplugjava.btle.lovenseconnect;
    exports io.github.buttplugjava.btle.protocol;
    exports io.github.buttplugjava.btle.sim;
    exports io.github.buttplugjava.btle.tinyb;

    exports io.github.buttplugjava.btle.internal to
            io.github.buttplugjava.device.serial,
            io.github.buttplugjava.device.hid;
}
