package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/**
 * The devices a client knows, by index: the caps a server's list must keep within, the diff of a
 * new list against what is known (removed, changed and new devices, each reported to the
 * listeners), and the marking of devices gone. Knows nothing of connections. Reads are
 * thread-safe; changes are made on the client's serial executor.
 */
final class DeviceRoster {

    private final int maxDevices;
    private final int maxFeaturesPerDevice;
    private final Function<DeviceInfo, ButtplugClientDevice> newDevice;
    private final ListenerFanOut listeners;
    private final Map<Integer, ButtplugClientDevice> devices = new ConcurrentSkipListMap<>();

    DeviceRoster(int maxDevices, int maxFeaturesPerDevice, Function<DeviceInfo, ButtplugClientDevice> newDevice,
                 ListenerFanOut listeners) {
        this.maxDevices = maxDevices;
        this.maxFeaturesPerDevice = maxFeaturesPerDevice;
        this.newDevice = newDevice;
        this.listeners = listeners;
    }

    /** Why {@code list} is over this client's caps, or empty when it is within them. */
    Optional<String> overCaps(DeviceList list) {
        if (list.devices().size() > maxDevices) {
            return Optional.of("The server announced " + list.devices().size()
                    + " devices; this client takes at most " + maxDevices);
        }
        for (DeviceInfo info : list.devices()) {
            if (info.features().size() > maxFeaturesPerDevice) {
                return Optional.of("The server announced a device with " + info.features().size()
                        + " features; this client takes at most " + maxFeaturesPerDevice);
            }
        }
        return Optional.empty();
    }

    /**
     * Makes {@code list} the known devices: a device no longer listed is removed and marked gone; a
     * device listed with a different description is replaced (the old one removed and marked gone,
     * a new one added); a new index is added. An unchanged device stays the same object. Removals
     * are reported before additions.
     */
    void apply(DeviceList list) {
        Set<Integer> listed = new HashSet<>();
        for (DeviceInfo info : list.devices()) {
            listed.add(info.deviceIndex());
        }
        for (ButtplugClientDevice known : List.copyOf(devices.values())) {
            if (!listed.contains(known.index())) {
                remove(known);
            }
        }
        for (DeviceInfo info : list.devices()) {
            ButtplugClientDevice known = devices.get(info.deviceIndex());
            if (known != null && known.info().equals(info)) {
                continue;
            }
            if (known != null) {
                remove(known);
            }
            ButtplugClientDevice device = newDevice.apply(info);
            devices.put(info.deviceIndex(), device);
            listeners.deviceAdded(device);
        }
    }

    /** Removes every device, marking each gone and reporting it (the connection ended). */
    void clear() {
        for (ButtplugClientDevice device : List.copyOf(devices.values())) {
            remove(device);
        }
    }

    /** The devices known now, by index. */
    List<ButtplugClientDevice> all() {
        return List.copyOf(devices.values());
    }

    /** The device with this index, if known. */
    Optional<ButtplugClientDevice> get(int index) {
        return Optional.ofNullable(devices.get(index));
    }

    private void remove(ButtplugClientDevice device) {
        devices.remove(device.index());
        device.markGone();
        listeners.deviceRemoved(device);
    }
}
