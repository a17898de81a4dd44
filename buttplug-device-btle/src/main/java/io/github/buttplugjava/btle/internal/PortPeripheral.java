package io.github.buttplugjava.btle.internal;

import io.github.buttplugjava.btle.BleException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * A peripheral over a blocking port (a serial port, a HID device) with a thread of its own for
 * each direction: writes to {@code tx} wait in a bounded queue (in writes and in bytes) for the
 * writer thread; what the reader thread reads is delivered as {@code rx} notifications.
 *
 * <p>The link is lost when a read reports the port gone, a read throws, or a write does not take
 * all its bytes: then every queued write fails with a {@link BleException}, later writes fail at
 * once, the disconnect listeners run (on the thread that saw the loss) and the reader thread closes
 * the port. {@link #disconnect()} does the same on purpose and completes once the port is closed.
 * A full queue fails the new write rather than growing. A subclass reads, writes and closes the
 * port; its factory calls {@link #startThreads} once it is built.
 */
public abstract class PortPeripheral extends PseudoPeripheral {

    private record PendingWrite(byte[] data, CompletableFuture<Void> done) {
    }

    private final int maxQueuedWrites;
    private final int maxQueuedBytes;
    private final int readBuffer;
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private int queuedBytes;
    private final CompletableFuture<Void> portClosed = new CompletableFuture<>();

    /**
     * A connected peripheral whose threads are not started yet.
     *
     * @param address the port's address
     * @param name the name the protocol identifies the device by
     * @param what how messages and logs name the port, e.g. {@code "serial port /dev/ttyACM0"}
     * @param layout the pseudo-service
     * @param minWrite the fewest bytes one write takes
     * @param maxWrite the most bytes one write takes
     * @param maxQueuedWrites the most writes waiting for the writer thread
     * @param maxQueuedBytes the most bytes waiting for the writer thread
     * @param readBuffer the most bytes one read returns
     */
    protected PortPeripheral(String address, String name, String what, PseudoService layout, int minWrite,
                             int maxWrite, int maxQueuedWrites, int maxQueuedBytes, int readBuffer) {
        super(address, name, what, layout, minWrite, maxWrite);
        this.maxQueuedWrites = maxQueuedWrites;
        this.maxQueuedBytes = maxQueuedBytes;
        this.readBuffer = readBuffer;
    }

    /**
     * Reads what has arrived, waiting a short time at most (so the reader notices a loss).
     *
     * @param buffer where to put the bytes
     * @return the number of bytes read, 0 when none arrived in time, negative when the port is gone
     */
    protected abstract int readPort(byte[] buffer);

    /**
     * Writes all of {@code data}.
     *
     * @param data the bytes
     * @throws IOException when the port did not take them all: the port counts as gone, the
     *         message says why
     */
    protected abstract void writePort(byte[] data) throws IOException;

    /** Closes the port; called once, by the reader thread as it ends. */
    protected abstract void closePort();

    /**
     * Starts the reader and writer threads; the subclass's factory calls it once.
     *
     * @param threads makes the two threads
     */
    protected final void startThreads(ThreadFactory threads) {
        threads.newThread(this::readLoop).start();
        threads.newThread(this::writeLoop).start();
    }

    @Override
    protected final CompletableFuture<Void> send(byte[] data) {
        PendingWrite w = new PendingWrite(data.clone(), new CompletableFuture<>());
        synchronized (this) {
            if (!isConnected()) {
                return CompletableFuture.failedFuture(gone());
            }
            if (queue.size() >= maxQueuedWrites || queuedBytes + data.length > maxQueuedBytes) {
                return CompletableFuture.failedFuture(new BleException("write queue of " + what()
                        + " is full (" + queue.size() + " writes, " + queuedBytes + " bytes)"));
            }
            queue.addLast(w);
            queuedBytes += data.length;
            notifyAll();
        }
        return w.done();
    }

    @Override
    protected final Runnable drop() {
        List<PendingWrite> failed = new ArrayList<>(queue);
        queue.clear();
        queuedBytes = 0;
        notifyAll();
        return () -> {
            BleException e = gone();
            failed.forEach(w -> w.done().completeExceptionally(e));
        };
    }

    /** Completes once the reader thread has closed the port. */
    @Override
    protected final CompletableFuture<Void> released() {
        return portClosed;
    }

    private void readLoop() {
        byte[] buffer = new byte[readBuffer];
        try {
            while (isConnected()) {
                int n = readPort(buffer);
                if (n < 0) {
                    lost("a read reports it is gone");
                    break;
                }
                if (n > 0) {
                    byte[] data = new byte[n];
                    System.arraycopy(buffer, 0, data, 0, n);
                    deliver(data);
                }
            }
        } catch (RuntimeException e) {
            lost("read failed: " + e);
        } finally {
            closePort();
            portClosed.complete(null);
        }
    }

    private void writeLoop() {
        while (true) {
            PendingWrite w;
            synchronized (this) {
                while (isConnected() && queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (!isConnected()) {
                    return;
                }
                w = queue.removeFirst();
                queuedBytes -= w.data().length;
            }
            String failure;
            try {
                writePort(w.data());
                failure = null;
            } catch (IOException e) {
                failure = e.getMessage();
            } catch (RuntimeException e) {
                failure = "write failed: " + e;
            }
            if (failure == null) {
                w.done().complete(null);
            } else {
                w.done().completeExceptionally(gone());
                lost(failure);
                return;
            }
        }
    }
}
