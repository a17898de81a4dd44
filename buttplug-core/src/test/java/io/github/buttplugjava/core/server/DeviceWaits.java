package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Waits, without sleeping, until a device manager holds a number of devices. */
public final class DeviceWaits {

    private DeviceWaits() {
    }

    /** The manager's list once it holds at least {@code count} devices; fails after {@code timeout}. */
    public static DeviceList awaitDevices(DeviceManager manager, int count, Duration timeout) throws InterruptedException {
        BlockingQueue<DeviceInfo> added = new LinkedBlockingQueue<>();
        DeviceManagerListener listener = new DeviceManagerListener() {
            @Override
            public void deviceAdded(DeviceInfo device) {
                added.add(device);
            }
        };
        manager.addListener(listener);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (manager.deviceList(0).devices().size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || added.poll(left, TimeUnit.NANOSECONDS) == null) {
                    throw new AssertionError("expected " + count + " devices, have " + manager.deviceList(0));
                }
            }
            return manager.deviceList(0);
        } finally {
            manager.removeListener(listener);
        }
    }
}
