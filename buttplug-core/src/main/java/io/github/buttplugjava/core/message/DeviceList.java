package io.github.buttplugjava.core.message;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The devices a server knows: the reply to {@link RequestDeviceList} (request Id), or in v4 an
 * event (Id 0) sent whenever a device is added or removed.
 *
 * @param id      request Id, or 0 for an event
 * @param devices the devices, sorted by index, indices unique
 */
public record DeviceList(long id, List<DeviceInfo> devices) implements ServerMessage {

    /**
     * @param id request Id, or 0 for an event
     * @param devices the devices, sorted by index, indices unique
     * @throws IllegalArgumentException on a bad Id or duplicate device indices
     */
    public DeviceList {
        Message.checkId(id);
        if (inIndexOrder(devices)) {
            devices = List.copyOf(devices); // the usual case (every list a server builds): no sort, no set
        } else {
            devices = devices.stream().sorted(Comparator.comparingInt(DeviceInfo::deviceIndex)).toList();
            Set<Integer> seen = new HashSet<>();
            for (DeviceInfo d : devices) {
                if (!seen.add(d.deviceIndex())) {
                    throw new IllegalArgumentException("duplicate device index " + d.deviceIndex());
                }
            }
        }
    }

    /**
     * The device with this index, if listed.
     *
     * @param deviceIndex the index the server gave the device
     * @return the device, or empty when none with that index is listed
     */
    public Optional<DeviceInfo> device(int deviceIndex) {
        for (DeviceInfo d : devices) {
            if (d.deviceIndex() == deviceIndex) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    @Override
    public DeviceList withId(long id) {
        return new DeviceList(id, devices);
    }

    /** Whether the indices strictly increase (so they are sorted and distinct). */
    private static boolean inIndexOrder(List<DeviceInfo> devices) {
        int last = -1;
        for (DeviceInfo d : devices) {
            if (d.deviceIndex() <= last) {
                return false;
            }
            last = d.deviceIndex();
        }
        return true;
    }
}
