package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The local toys of {@code share}, held back until the hub has welcomed the agent: scanning (which
 * connects Bluetooth toys) starts only on {@link #open()}, so a wrong token or hub address touches
 * no toy. Also numbers the toys in the order they appear, for the share console ({@code pause 0}).
 */
final class LinkGatedSource implements DeviceSource {

    /** Most toys numbered at once; more than any person shares (the agent's own caps are lower). */
    static final int MAX_TOYS = 256;

    /** One local toy and the number the console shows for it. */
    record Toy(int number, Device device) {
    }

    private final DeviceSource local;
    private final Consumer<Toy> onAdded;
    private final Consumer<Toy> onRemoved;
    private final Object lock = new Object();
    private final Map<String, Toy> toys = new LinkedHashMap<>();
    private int nextNumber;
    private boolean open;
    private boolean scanWanted;

    /**
     * @param local   where the toys come from
     * @param onAdded told of each new toy before the agent's grants see it (to give it its own grant)
     * @param onRemoved told of each toy that left
     */
    LinkGatedSource(DeviceSource local, Consumer<Toy> onAdded, Consumer<Toy> onRemoved) {
        this.local = Objects.requireNonNull(local, "local");
        this.onAdded = Objects.requireNonNull(onAdded, "onAdded");
        this.onRemoved = Objects.requireNonNull(onRemoved, "onRemoved");
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public void start(DeviceSourceListener listener) {
        local.start(new DeviceSourceListener() {
            @Override
            public void deviceAdded(Device device) {
                Toy added = null;
                synchronized (lock) {
                    if (!toys.containsKey(device.identifier()) && toys.size() < MAX_TOYS) {
                        added = new Toy(nextNumber++, device);
                        toys.put(device.identifier(), added);
                    }
                }
                if (added != null) {
                    onAdded.accept(added);
                }
                listener.deviceAdded(device);
            }

            @Override
            public void deviceRemoved(Device device) {
                Toy removed;
                synchronized (lock) {
                    removed = toys.remove(device.identifier());
                }
                listener.deviceRemoved(device);
                if (removed != null) {
                    onRemoved.accept(removed);
                }
            }

            @Override
            public void scanningFinished() {
                listener.scanningFinished();
            }
        });
    }

    /** Scanning starts now (and was asked for before): the hub has welcomed the agent. */
    void open() {
        boolean scan;
        synchronized (lock) {
            if (open) {
                return;
            }
            open = true;
            scan = scanWanted;
        }
        if (scan) {
            local.startScanning();
        }
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        synchronized (lock) {
            if (!open) {
                scanWanted = true;
                return CompletableFuture.completedFuture(null);
            }
        }
        return local.startScanning();
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        synchronized (lock) {
            scanWanted = false;
        }
        return local.stopScanning();
    }

    /** The toys present now, in the order they appeared. */
    List<Toy> toys() {
        synchronized (lock) {
            return new ArrayList<>(toys.values());
        }
    }

    @Override
    public void close() {
        local.close();
    }
}
