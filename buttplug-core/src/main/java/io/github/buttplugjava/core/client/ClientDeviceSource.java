package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.DeviceSource;
import io.github.buttplugjava.core.device.DeviceSourceListener;
import io.github.buttplugjava.core.message.InputReading;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The devices of a {@link ButtplugClient} seen as a {@link DeviceSource}: another Buttplug server
 * (Intiface, our {@code serve}, or, on the hub, a share agent) becomes a source of devices for this
 * process's own device manager.
 *
 * <p>Devices come and go with the client's device events; when the client's connection drops,
 * every device is reported removed and every command waiting on it fails with
 * {@link ButtplugDeviceException}. Commands are sent as v4 requests, so the server behind checks
 * them again. Identifiers are the server's device indices.
 *
 * <p>{@link #start} registers with the client (connected or not). {@link #close()} stops the
 * devices and disconnects the client. Listener events arrive on the client's executor, serially.
 */
public final class ClientDeviceSource implements DeviceSource {

    private final ButtplugClient client;
    /**
     * By server index: an immutable map replaced whole under this object's lock (devices come and
     * go seldom), read without it (readings). A hub holds one of these per agent link.
     */
    private volatile Map<Integer, ClientDevice> devices = Map.of();
    private DeviceSourceListener listener;

    /**
     * A source over {@code client}; connect the client before or after {@link #start}.
     *
     * @param client the client whose server's devices this source offers
     * @throws NullPointerException when {@code client} is null
     */
    public ClientDeviceSource(ButtplugClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String name() {
        return "client";
    }

    @Override
    public void start(DeviceSourceListener listener) {
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = Objects.requireNonNull(listener, "listener");
        }
        client.addListener(new Events());
        for (ButtplugClientDevice d : client.devices()) {
            added(d);
        }
    }

    private synchronized void added(ButtplugClientDevice d) {
        if (devices.containsKey(d.index())) {
            return;
        }
        ClientDevice device = new ClientDevice(client, d);
        Map<Integer, ClientDevice> next = new HashMap<>(devices);
        next.put(d.index(), device);
        devices = Map.copyOf(next);
        listener.deviceAdded(device);
    }

    private synchronized void removed(ButtplugClientDevice d) {
        ClientDevice device = devices.get(d.index());
        if (device != null) {
            Map<Integer, ClientDevice> next = new HashMap<>(devices);
            next.remove(d.index());
            devices = Map.copyOf(next);
            device.gone();
            listener.deviceRemoved(device);
        }
    }

    @Override
    public CompletableFuture<Void> startScanning() {
        return client.isConnected() ? client.startScanning() : CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> stopScanning() {
        return client.isConnected() ? client.stopScanning() : CompletableFuture.completedFuture(null);
    }

    /** Stops every device of the server, then disconnects the client. */
    @Override
    public void close() {
        if (!client.isConnected()) {
            return;
        }
        client.stopAll().handle((v, e) -> client.disconnect());
    }

    private final class Events implements ButtplugClientListener {
        @Override
        public void deviceAdded(ButtplugClientDevice device) {
            added(device);
        }

        @Override
        public void deviceRemoved(ButtplugClientDevice device) {
            removed(device);
        }

        @Override
        public void inputReading(ButtplugClientDevice device, InputReading reading) {
            ClientDevice d = devices.get(device.index());
            if (d != null) {
                d.deliver(reading);
            }
        }

        @Override
        public void scanningFinished() {
            DeviceSourceListener l;
            synchronized (ClientDeviceSource.this) {
                l = listener;
            }
            l.scanningFinished();
        }
    }

    /** For tests: the device with this server index, if present. */
    Device device(int index) {
        return devices.get(index);
    }
}
