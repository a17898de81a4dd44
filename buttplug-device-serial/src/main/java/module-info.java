/**
 * buttplug-device-serial: toys on serial ports (TCode v0.3 strokers, Nobra, Kizuna, Next Level
 * Racing) through the protocol handlers and device layer of {@code io.github.buttplugjava.btle}, on
 * jSerialComm. {@code device.serial.internal} is not exported.
 */
module io.github.buttplugjava.device.serial {
    requires transitive io.github.buttplugjava.btle;
    requires com.fazecast.jSerialComm;
    requires org.slf4j;

    exports io.github.buttplugjava.device.serial;
}
