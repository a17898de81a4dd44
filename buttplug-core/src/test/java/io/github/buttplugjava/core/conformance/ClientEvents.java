package io.github.buttplugjava.core.conformance;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.client.ButtplugClientListener;
import io.github.buttplugjava.core.message.InputReading;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records a client's events as strings, with the thread each came on. */
final class ClientEvents implements ButtplugClientListener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    volatile String lastThread;

    private void add(String event) {
        lastThread = Thread.currentThread().getName();
        events.add(event);
    }

    @Override
    public void deviceAdded(ButtplugClientDevice device) {
        add("added " + device.index() + " " + device.name());
    }

    @Override
    public void deviceRemoved(ButtplugClientDevice device) {
        add("removed " + device.index());
    }

    @Override
    public void scanningFinished() {
        add("finished");
    }

    @Override
    public void inputReading(ButtplugClientDevice device, InputReading reading) {
        add("reading " + device.index() + " " + reading.type().wireName() + " " + reading.value());
    }

    @Override
    public void error(ButtplugException error) {
        add("error " + error.code());
    }

    @Override
    public void disconnected(Throwable cause) {
        add("disconnected " + (cause == null ? "" : cause.getClass().getSimpleName()));
    }

    /** Waits for an event starting with {@code prefix}, skipping others. */
    String await(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + RawClient.WAIT.toNanos();
        StringBuilder seen = new StringBuilder();
        while (true) {
            long left = deadline - System.nanoTime();
            String e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no event '" + prefix + "'; saw: " + seen);
            }
            if (e.startsWith(prefix)) {
                return e;
            }
            seen.append(e).append("; ");
        }
    }
}
