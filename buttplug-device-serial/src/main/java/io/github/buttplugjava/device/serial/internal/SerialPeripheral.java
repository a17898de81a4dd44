package io.github.buttplugjava.device.serial.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.btle.BlePeripheral;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * An open serial port as a peripheral with the endpoints of {@link SerialLayout}: writes to
 * {@code tx} go through a bounded queue to one writer thread; what one reader thread reads is
 * delivered as {@code rx} notifications.
 *
 * <p>The port is lost when a read reports it gone (the device was unplugged, the pseudo-terminal's
 * other end closed) or a write does not complete within the channel's write deadline: then every
 * queued write fails with a {@link BleException}, later writes fail at once, and the disconnect
 * listeners run (on the thread that saw the loss). {@link #disconnect()} does the same on purpose.
 * A full queue fails the new write rather than growing.
 */
public final class SerialPeripheral implements BlePeripheral {

    private static final Logger log = LoggerFactory.getLogger(SerialPeripheral.class);

    /** The most writes waiting for the writer thread. */
    public static final int MAX_QUEUED_WRITES = 32;
    /** The most bytes waiting for the writer thread. */
    public static final int MAX_QUEUED_BYTES = 16 * 1024;
    /** The largest single write. */
    public static final int MAX_WRITE_BYTES = 4096;
    /** The size of one read. */
    static final int READ_BUFFER = 1024;

    private record PendingWrite(byte[] data, CompletableFuture<Void> done) {
    }

    private final String port;
    private final PortChannel channel;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private int queuedBytes;
    private boolean connected = true;
    private final List<Runnable> disconnectListeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<byte[]> rxListener;
    private final CompletableFuture<Void> portClosed = new CompletableFuture<>();

    private SerialPeripheral(String port, PortChannel channel) {
        this.port = port;
        this.channel = channel;
    }

    /**
     * Starts the reader and writer threads over an open channel.
     *
     * @param port the port's path (the peripheral's name and address)
     * @param channel the open port; closed by this peripheral
     * @param threads makes the two threads
     * @return the connected peripheral
     */
    public static SerialPeripheral start(String port, PortChannel channel, ThreadFactory threads) {
        SerialPeripheral p = new SerialPeripheral(Objects.requireNonNull(port, "port"),
                Objects.requireNonNull(channel, "channel"));
        threads.newThread(p::readLoop).start();
        threads.newThread(p::writeLoop).start();
        return p;
    }

    @Override
    public String address() {
        return port;
    }

    @Override
    public String name() {
        return port;
    }

    @Override
    public Map<UUID, Set<UUID>> services() {
        return SerialLayout.services();
    }

    @Override
    public CompletableFuture<Void> write(UUID service, UUID characteristic, byte[] data, boolean withResponse) {
        if (!SerialLayout.TX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("serial port " + port + " cannot write " + characteristic));
        }
        if (data.length > MAX_WRITE_BYTES) {
            return CompletableFuture.failedFuture(new BleException("write of " + data.length
                    + " bytes to serial port " + port + " exceeds " + MAX_WRITE_BYTES));
        }
        PendingWrite w = new PendingWrite(data.clone(), new CompletableFuture<>());
        synchronized (this) {
            if (!connected) {
                return CompletableFuture.failedFuture(gone());
            }
            if (queue.size() >= MAX_QUEUED_WRITES || queuedBytes + data.length > MAX_QUEUED_BYTES) {
                return CompletableFuture.failedFuture(new BleException("write queue of serial port " + port
                        + " is full (" + queue.size() + " writes, " + queuedBytes + " bytes)"));
            }
            queue.addLast(w);
            queuedBytes += data.length;
            notifyAll();
        }
        return w.done();
    }

    @Override
    public CompletableFuture<byte[]> read(UUID service, UUID characteristic) {
        return CompletableFuture.failedFuture(new BleException("serial port " + port + " has no readable endpoint"));
    }

    @Override
    public CompletableFuture<Void> subscribe(UUID service, UUID characteristic, Consumer<byte[]> listener) {
        if (!SerialLayout.RX.equals(characteristic)) {
            return CompletableFuture.failedFuture(new BleException("serial port " + port + " cannot notify " + characteristic));
        }
        rxListener = Objects.requireNonNull(listener, "listener");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unsubscribe(UUID service, UUID characteristic) {
        if (SerialLayout.RX.equals(characteristic)) {
            rxListener = null;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onDisconnect(Runnable listener) {
        disconnectListeners.add(Objects.requireNonNull(listener, "listener"));
        if (!isConnected() && disconnectListeners.remove(listener)) {
            listener.run();
        }
    }

    @Override
    public synchronized boolean isConnected() {
        return connected;
    }

    /**
     * Fails queued writes, runs the disconnect listeners and closes the port.
     *
     * @return completes once the reader thread has closed the port
     */
    @Override
    public CompletableFuture<Void> disconnect() {
        lost("closed by the library");
        return portClosed;
    }

    private void lost(String why) {
        List<PendingWrite> failed;
        synchronized (this) {
            if (!connected) {
                return;
            }
            connected = false;
            failed = new ArrayList<>(queue);
            queue.clear();
            queuedBytes = 0;
            notifyAll();
        }
        log.info("serial port {} is gone: {}", port, why);
        BleException e = gone();
        failed.forEach(w -> w.done().completeExceptionally(e));
        for (Runnable r : disconnectListeners) {
            if (!disconnectListeners.remove(r)) {
                continue; // onDisconnect ran it already
            }
            try {
                r.run();
            } catch (RuntimeException ex) {
                log.warn("disconnect listener of serial port {} failed", port, ex);
            }
        }
    }

    private BleException gone() {
        return new BleException("serial port " + port + " is disconnected");
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            while (isConnected()) {
                int n = channel.read(buffer);
                if (n < 0) {
                    lost("the port reports it is gone");
                    break;
                }
                Consumer<byte[]> listener = rxListener;
                if (n > 0 && listener != null) {
                    byte[] data = new byte[n];
                    System.arraycopy(buffer, 0, data, 0, n);
                    try {
                        listener.accept(data);
                    } catch (RuntimeException e) {
                        log.warn("rx listener of serial port {} failed", port, e);
                    }
                }
            }
        } catch (RuntimeException e) {
            lost("read failed: " + e);
        } finally {
            channel.close();
            portClosed.complete(null);
        }
    }

    private void writeLoop() {
        while (true) {
            PendingWrite w;
            synchronized (this) {
                while (connected && queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!connected) {
                    return;
                }
                w = queue.removeFirst();
                queuedBytes -= w.data().length;
            }
            int n;
            try {
                n = channel.write(w.data());
            } catch (RuntimeException e) {
                n = -1;
            }
            if (n == w.data().length) {
                w.done().complete(null);
            } else {
                w.done().completeExceptionally(gone());
                lost(n < 0 ? "write failed" : "write did not complete in time (" + n + " of " + w.data().length + " bytes)");
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "SerialPeripheral[" + port + "]";
    }
}
