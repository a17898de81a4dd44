package io.github.buttplugjava.core.client;

import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The devices a client knows, by index: the caps a server's list must keep within, the diff of a
 * new list against what is known (removed, changed and new devices, each reported to the
 * listeners), and the marking of devices gone. Knows nothing of connections. Reads are
 * thread-safe; changes are made on the client's serial executor.
 *
 * <p>The devices are an immutable list sorted by index, replaced whole at each change: lists
 * change seldom and are read often, and a client that holds one device (a hub's link to an agent)
 * keeps one small list instead of a concurrent map's nodes and counters.
 */
final class DeviceRoster {

    private final int maxDevices;
    private final int maxFeaturesPerDevice;
    private final Function<DeviceInfo, ButtplugClientDevice> newDevice;
    private final ListenerFanOut listeners;
    /** Sorted by index; replaced whole on the serial executor, read from any thread. */
    private volatile List<ButtplugClientDevice> devices = List.of();

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
        for (ButtplugClientDevice known : devices) {
            if (!listed.contains(known.index())) {
                remove(known);
            }
        }
        for (DeviceInfo info : list.devices()) {
            ButtplugClientDevice known = get(info.deviceIndex()).orElse(null);
            if (known != null && known.info().equals(info)) {
                continue;
            }
            if (known != null) {
                remove(known);
            }
            // kept for as long as the device is: the feature list shared with equal ones (RepeatedFeatures)
            ButtplugClientDevice device = newDevice.apply(RepeatedFeatures.sharing(info));
            devices = with(devices, device);
            listeners.deviceAdded(device);
        }
    }

    /** Removes every device, marking each gone and reporting it (the connection ended). */
    void clear() {
        for (ButtplugClientDevice device : devices) {
            remove(device);
        }
    }

    /** The devices known now, by index. */
    List<ButtplugClientDevice> all() {
        return devices;
    }

    /** The device with this index, if known. */
    Optional<ButtplugClientDevice> get(int index) {
        List<ButtplugClientDevice> now = devices;
        int at = position(now, index);
        return at >= 0 ? Optional.of(now.get(at)) : Optional.empty();
    }

    private void remove(ButtplugClientDevice device) {
        List<ButtplugClientDevice> now = devices;
        int at = position(now, device.index());
        if (at >= 0 && now.get(at) == device) {
            List<ButtplugClientDevice> next = new ArrayList<>(now);
            next.remove(at);
            devices = List.copyOf(next);
        }
        device.markGone();
        listeners.deviceRemoved(device);
    }

    /** {@code sorted} with {@code device} in its place by index (replacing one of the same index). */
    private static List<ButtplugClientDevice> with(List<ButtplugClientDevice> sorted, ButtplugClientDevice device) {
        List<ButtplugClientDevice> next = new ArrayList<>(sorted.size() + 1);
        next.addAll(sorted);
        int at = position(sorted, device.index());
        if (at >= 0) {
            next.set(at, device);
        } else {
            next.add(-at - 1, device);
        }
        return List.copyOf(next);
    }

    /** Where {@code index} is in {@code sorted}, or {@code -(insertion point) - 1} when it is not there. */
    private static int position(List<ButtplugClientDevice> sorted, int index) {
        int low = 0;
        int high = sorted.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int at = sorted.get(mid).index();
            if (at < index) {
                low = mid + 1;
            } else if (at > index) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
