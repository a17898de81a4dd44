package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a source's events in order, for asserting with a timeout. */
final class EventRecorder implements DeviceSourceListener {

    record Event(String kind, Device device) {
    }

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    @Override
    public void deviceAdded(Device device) {
        events.add(new Event("added", device));
    }

    @Override
    public void deviceRemoved(Device device) {
        events.add(new Event("removed", device));
    }

    Event next() throws InterruptedException {
        Event e = events.poll(2, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no device event within 2 s");
        }
        return e;
    }
}
