package io.github.buttplugjava.device.serial;

import com.fazecast.jSerialComm.SerialPort;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A device at the far end of a pseudo-terminal: records every byte it receives, in order, and can
 * wait (with a deadline) until what it has received satisfies a condition.
 */
public final class ScriptedSerialDevice implements AutoCloseable {

    private final SerialPort port;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;
    private volatile boolean open = true;

    private ScriptedSerialDevice(SerialPort port) {
        this.port = port;
        this.reader = new Thread(this::readLoop, "scripted-serial-device");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    public static ScriptedSerialDevice open(String path) {
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
        if (!port.openPort()) {
            throw new IllegalStateException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new ScriptedSerialDevice(port);
    }

    private void readLoop() {
        byte[] buffer = new byte[256];
        while (open) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                return;
            }
            synchronized (this) {
                received.write(buffer, 0, n);
                notifyAll();
            }
        }
    }

    /** Everything received so far. */
    public synchronized byte[] bytes() {
        return received.toByteArray();
    }

    /** Everything received so far, as ASCII. */
    public String text() {
        return new String(bytes(), StandardCharsets.US_ASCII);
    }

    /** Forgets what was received so far. */
    public synchronized void clear() {
        received.reset();
    }

    /**
     * Waits until the bytes received satisfy {@code condition}.
     *
     * @return the bytes received when they did
     * @throws AssertionError with what was received when {@code deadline} passes first
     */
    public synchronized byte[] await(Predicate<byte[]> condition, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.test(received.toByteArray())) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the scripted device received " + Arrays.toString(received.toByteArray())
                        + " (\"" + new String(received.toByteArray(), StandardCharsets.US_ASCII).replace("\n", "\\n")
                        .replace("\r", "\\r") + "\")");
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return received.toByteArray();
    }

    /** Waits until at least {@code count} bytes have arrived and returns them all. */
    public byte[] awaitCount(int count, Duration deadline) throws InterruptedException {
        return await(b -> b.length >= count, deadline);
    }

    /** Waits until the text received ends with {@code suffix} and returns it all. */
    public String awaitTextEnding(String suffix, Duration deadline) throws InterruptedException {
        return new String(await(b -> new String(b, StandardCharsets.US_ASCII).endsWith(suffix), deadline),
                StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(2_000);
        port.closePort();
    }
}
