package io.github.buttplugjava.testsupport.devices;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records a device source's events, for asserting with deadlines: all of them in order
 * ({@link #events}, {@link #next()}), and each kind on its own ({@link #added}, {@link #removed},
 * {@link #awaitAdded}, {@link #awaitRemoved}, {@link #scansFinished()}). The two views are
 * independent: taking an event from one leaves it in the other.
 */
public final class EventRecorder implements DeviceSourceListener {

    /**
     * One event.
     *
     * @param kind   "added" or "removed"
     * @param device the device
     */
    public record Event(String kind, Device device) {
    }

    /** The events not yet taken through {@link #next()}, oldest first. */
    public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The devices added and not yet taken through {@link #awaitAdded}, oldest first. */
    public final BlockingQueue<Device> added = new LinkedBlockingQueue<>();
    /** The devices removed and not yet taken through {@link #awaitRemoved}, oldest first. */
    public final BlockingQueue<Device> removed = new LinkedBlockingQueue<>();
    private final AtomicInteger scansFinished = new AtomicInteger();

    @Override
    public void deviceAdded(Device device) {
        added.add(device);
        events.add(new Event("added", device));
    }

    @Override
    public void deviceRemoved(Device device) {
        removed.add(device);
        events.add(new Event("removed", device));
    }

    @Override
    public void scanningFinished() {
        synchronized (scansFinished) {
            scansFinished.incrementAndGet();
            scansFinished.notifyAll();
        }
    }

    /**
     * Takes the next event of any kind.
     *
     * @return the oldest event not yet taken
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when none arrives within 2 s
     */
    public Event next() throws InterruptedException {
        Event e = events.poll(2, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no device event within 2 s");
        }
        return e;
    }

    /**
     * Takes the next added device.
     *
     * @param deadline how long to wait
     * @return the oldest added device not yet taken
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when none is added within {@code deadline}
     */
    public Device awaitAdded(Duration deadline) throws InterruptedException {
        return take(added, "added", deadline);
    }

    /**
     * Takes the next removed device.
     *
     * @param deadline how long to wait
     * @return the oldest removed device not yet taken
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when none is removed within {@code deadline}
     */
    public Device awaitRemoved(Duration deadline) throws InterruptedException {
        return take(removed, "removed", deadline);
    }

    /**
     * How many times the source said scanning finished.
     *
     * @return the count so far
     */
    public int scansFinished() {
        return scansFinished.get();
    }

    /**
     * Waits until scanning has finished more than {@code seen} times.
     *
     * @param seen     the count already seen ({@code 0} for the first)
     * @param deadline how long to wait
     * @throws InterruptedException when interrupted while waiting
     * @throws AssertionError when it does not within {@code deadline}
     */
    public void awaitScanFinished(int seen, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        synchronized (scansFinished) {
            while (scansFinished.get() <= seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("scanning did not finish within " + deadline);
                }
                scansFinished.wait(left);
            }
        }
    }

    private static Device take(BlockingQueue<Device> queue, String what, Duration deadline)
            throws InterruptedException {
        Device d = queue.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no device was " + what + " within " + deadline);
        }
        return d;
    }
}
