/**
 * buttplug-device-serial: toys on serial ports (TCode v0.3 strokers, Nobra, Kizuna, Next Level
 * Racing) and the Lovense USB dongle's toy through the protocol handlers and device layer of {@code io.github.buttplugjava.btle}, on
 * jSerialComm. {@code device.serial.internal} and
 * {@code device.serial.dongle.internal} are not exported.
 */
module io.github.buttplugjava.device.serial {
    requires transitive io.github.buttplugjava.btle;
    requires com.fazecast.jSerialComm;
    requires org.slf4j;

    requires com.fasterxml.jackson.databind;

    exports io.github.buttplugjava.device.serial;
    exports io.github.buttplugjava.device.serial.dongle;
}
