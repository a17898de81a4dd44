package io.github.buttplugjava.device.serial.internal;

import com.fazecast.jSerialComm.SerialPort;
import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.config.SerialSpecifier;

import java.time.Duration;

/** A {@link PortChannel} on jSerialComm. */
public final class JSerialCommChannel implements PortChannel {

    /** How long one read waits for a first byte before it returns 0 (so the reader sees a close). */
    static final Duration READ_TIMEOUT = Duration.ofMillis(100);

    private final SerialPort port;

    private JSerialCommChannel(SerialPort port) {
        this.port = port;
    }

    /**
     * Opens a port with the configuration's line settings.
     *
     * @param path the port's device path
     * @param settings baud rate, data bits, parity, stop bits
     * @param writeTimeout how long a write may block before it returns short
     * @return the open channel
     * @throws BleException when the port cannot be opened
     */
    public static JSerialCommChannel open(String path, SerialSpecifier settings, Duration writeTimeout) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (RuntimeException e) {
            throw new BleException("serial port " + path + " cannot be used: " + e.getMessage(), e);
        }
        port.setComPortParameters(settings.baudRate(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) READ_TIMEOUT.toMillis(), (int) writeTimeout.toMillis());
        if (!port.openPort()) {
            throw new BleException("serial port " + path + " cannot be opened (error " + port.getLastErrorCode() + ")");
        }
        return new JSerialCommChannel(port);
    }

    private static int stopBits(int bits) {
        return bits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(char parity) {
        return switch (parity) {
            case 'E' -> SerialPort.EVEN_PARITY;
            case 'O' -> SerialPort.ODD_PARITY;
            case 'M' -> SerialPort.MARK_PARITY;
            case 'S' -> SerialPort.SPACE_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    @Override
    public int read(byte[] buffer) {
        return port.readBytes(buffer, buffer.length);
    }

    @Override
    public int write(byte[] data) {
        return port.writeBytes(data, data.length);
    }

    @Override
    public void close() {
        port.closePort();
    }
}
