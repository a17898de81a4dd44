package io.github.buttplugjava.device.hid;

import io.github.buttplugjava.btle.BleException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A HID bus of scripted devices (there is no virtual HID on this machine): lists what the test
 * attached, records every report written to each device in order, and can unplug a device (its
 * reads and writes then report it gone).
 */
public final class ScriptedHidBus implements HidBus {

    /** One scripted device: its reports, in order. */
    public static final class Device implements HidPort {
        private final HidDeviceInfo info;
        private final List<byte[]> reports = new ArrayList<>();
        private volatile boolean attached = true;
        private volatile boolean closed;

        Device(HidDeviceInfo info) {
            this.info = info;
        }

        /** The device as listed. */
        public HidDeviceInfo info() {
            return info;
        }

        @Override
        public synchronized int write(byte[] report) {
            if (!attached) {
                return -1;
            }
            reports.add(report.clone());
            notifyAll();
            return report.length;
        }

        @Override
        public int read(byte[] buffer, int timeoutMillis) {
            if (!attached) {
                return -1;
            }
            try {
                Thread.sleep(Math.min(timeoutMillis, 20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            return attached ? 0 : -1;
        }

        @Override
        public void close() {
            closed = true;
        }

        /** Whether the library closed it. */
        public boolean closed() {
            return closed;
        }

        /** Pulls the device out: reads and writes report it gone. */
        public void unplug() {
            attached = false;
        }

        /** Every report written so far, as hex. */
        public synchronized List<String> reports() {
            List<String> out = new ArrayList<>();
            reports.forEach(r -> out.add(HexFormat.of().formatHex(r)));
            return out;
        }

        /**
         * Waits until the reports written satisfy {@code condition}.
         *
         * @return the reports, as hex
         * @throws AssertionError with the reports when {@code deadline} passes first
         */
        public synchronized List<String> await(Predicate<List<String>> condition, Duration deadline)
                throws InterruptedException {
            long end = System.nanoTime() + deadline.toNanos();
            while (!condition.test(reports())) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the scripted HID device received " + reports());
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return reports();
        }
    }

    private final List<Device> devices = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> opened = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Attaches a device.
     *
     * @param info how the bus lists it
     * @return the device
     */
    public Device attach(HidDeviceInfo info) {
        Device d = new Device(info);
        devices.add(d);
        return d;
    }

    @Override
    public List<HidDeviceInfo> devices() {
        List<HidDeviceInfo> out = new ArrayList<>();
        for (Device d : devices) {
            if (d.attached) {
                out.add(d.info);
            }
        }
        return out;
    }

    @Override
    public HidPort open(HidDeviceInfo info) {
        for (Device d : devices) {
            if (d.info.equals(info) && d.attached) {
                opened.merge(info.path(), 1, Integer::sum);
                return d;
            }
        }
        throw new BleException("no such HID device: " + info.path());
    }

    /** How often the library opened the device at {@code path}. */
    public int timesOpened(String path) {
        return opened.getOrDefault(path, 0);
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Whether the library closed the bus. */
    public boolean closed() {
        return closed;
    }
}
