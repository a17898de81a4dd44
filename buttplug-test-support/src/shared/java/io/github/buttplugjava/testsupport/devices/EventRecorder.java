package io.github.buttplugjava.testsupport.devices;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a device source's events in order, for asserting with a timeout. */
public final class EventRecorder implements DeviceSourceListener {

    /**
     * One event.
     *
     * @param kind   "added" or "removed"
     * @param device the device
     */
    public record Event(String kind, Device device) {
    }

    /** The events not yet taken, oldest first. */
    public final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @Override
    public void deviceAdded(Device device) {
        events.add(new Event("added", device));
    }

    @Override
    public void deviceRemoved(Device device) {
        events.add(new Event("removed", device));
    }

    /**
     * Takes the next event.
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
}
