package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.server.DeviceManager;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands the devices of a room's {@link RoomSource} to several device managers, one per
 * controller, each seeing the devices through its own wrapper, and lists the room's devices
 * itself ({@link #deviceList}), numbered in the order they came. A view started later is told of
 * the devices present, in the order they came. Events arrive and leave serially (under this
 * object's lock). Thread-safe.
 */
final class DeviceFanOut implements DeviceSourceListener {

    private final DeviceSource upstream;
    /** The devices present, in the order they came, each with the room's number for it. */
    private final Map<Device, Integer> present = new LinkedHashMap<>();
    private int nextNumber;
    private final List<View> views = new ArrayList<>();

    private final Consumer<Device> onRemoved;

    /** Starts {@code upstream}; {@code onRemoved} hears of each device that leaves, after every view. */
    DeviceFanOut(DeviceSource upstream, Consumer<Device> onRemoved) {
        this.upstream = upstream;
        this.onRemoved = onRemoved;
        upstream.start(this);
    }

    /** A source showing the upstream's devices, each wrapped by {@code wrap} (called once per device). */
    DeviceSource view(String name, Function<Device, Device> wrap) {
        return new View(name, wrap);
    }

    @Override
    public synchronized void deviceAdded(Device device) {
        if (!present.containsKey(device)) {
            present.put(device, nextNumber++);
            for (View v : views) {
                v.added(device);
            }
        }
    }

    @Override
    public void deviceRemoved(Device device) {
        synchronized (this) {
            if (present.remove(device) == null) {
                return;
            }
            for (View v : views) {
                v.removed(device);
            }
        }
        // outside the lock: the room's arbiter is never entered while this lock is held here
        onRemoved.accept(device);
    }

    /**
     * The devices present, as a controller sees them before any ceiling, numbered by the room in
     * the order they came (a controller's own indices may differ: its device manager gives a
     * device that comes back its old index).
     */
    synchronized DeviceList deviceList(long id) {
        List<DeviceInfo> infos = new ArrayList<>(present.size());
        present.forEach((device, number) -> infos.add(new DeviceInfo(number, device.name(),
                device.displayName().orElse(null),
                Math.max(0, Math.min(DeviceManager.MAX_TIMING_GAP_MS, device.timingGapMs())), device.features())));
        return new DeviceList(id, infos);
    }

    /** How many devices are present. */
    synchronized int deviceCount() {
        return present.size();
    }

    /** Stops every device present (the room is closing). */
    void stopAll() {
        List<Device> all;
        synchronized (this) {
            all = List.copyOf(present.keySet());
        }
        for (Device device : all) {
            device.stop();
        }
    }

    @Override
    public synchronized void scanningFinished() {
        for (View v : views) {
            v.listener.scanningFinished();
        }
    }

    private final class View implements DeviceSource {
        private final String name;
        private final Function<Device, Device> wrap;
        private final Map<Device, Device> wrapped = new IdentityHashMap<>();
        private DeviceSourceListener listener;

        View(String name, Function<Device, Device> wrap) {
            this.name = name;
            this.wrap = wrap;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(DeviceSourceListener listener) {
            synchronized (DeviceFanOut.this) {
                if (this.listener != null) {
                    throw new IllegalStateException("already started");
                }
                this.listener = listener;
                views.add(this);
                present.keySet().forEach(this::added);
            }
        }

        void added(Device device) {
            Device view = wrap.apply(device);
            wrapped.put(device, view);
            listener.deviceAdded(view);
        }

        void removed(Device device) {
            Device view = wrapped.remove(device);
            if (view != null) {
                listener.deviceRemoved(view);
            }
        }

        @Override
        public CompletableFuture<Void> startScanning() {
            return upstream.startScanning();
        }

        @Override
        public CompletableFuture<Void> stopScanning() {
            return upstream.stopScanning();
        }

        /** Leaves the fan-out; the upstream's devices stay (the room closes them). */
        @Override
        public void close() {
            synchronized (DeviceFanOut.this) {
                views.remove(this);
                wrapped.clear();
            }
        }
    }
}
