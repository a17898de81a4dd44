package io.github.buttplugjava.btle;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * What a scan saw of one peripheral.
 *
 * @param address          the peripheral's address (e.g. {@code "AA:BB:CC:DD:EE:FF"}); private
 * @param name             the advertised local name, may be empty, never null
 * @param manufacturerData manufacturer-specific data by company id (arrays are copied)
 * @param serviceUuids     advertised service UUIDs
 * @param rssi             signal strength in dBm, when known
 */
public record Advertisement(String address, String name, Map<Integer, byte[]> manufacturerData,
                            Set<UUID> serviceUuids, OptionalInt rssi) {

    /**
     * Copies everything; nulls are refused.
     *
     * @param address the peripheral's address (e.g. {@code "AA:BB:CC:DD:EE:FF"}); private
     * @param name the advertised local name, may be empty, never null
     * @param manufacturerData manufacturer-specific data by company id (arrays are copied)
     * @param serviceUuids advertised service UUIDs
     * @param rssi signal strength in dBm, when known
     */
    public Advertisement {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        Map<Integer, byte[]> copy = new HashMap<>();
        manufacturerData.forEach((k, v) -> copy.put(k, v.clone()));
        manufacturerData = Map.copyOf(copy);
        serviceUuids = Set.copyOf(serviceUuids);
        Objects.requireNonNull(rssi, "rssi");
    }

    /**
     * An advertisement with a name only.
     *
     * @param address the peripheral's address
     * @param name the advertised local name
     * @return an advertisement without manufacturer data, services or RSSI
     */
    public static Advertisement named(String address, String name) {
        return new Advertisement(address, name, Map.of(), Set.of(), OptionalInt.empty());
    }

    /**
     * The manufacturer data of a company, copied.
     *
     * @param companyId the Bluetooth SIG company id
     * @return a copy of that company's data, or null when the advertisement has none
     */
    public byte[] manufacturerData(int companyId) {
        byte[] data = manufacturerData.get(companyId);
        return data == null ? null : data.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Advertisement other)) {
            return false;
        }
        if (!address.equals(other.address) || !name.equals(other.name)
                || !serviceUuids.equals(other.serviceUuids) || !rssi.equals(other.rssi)
                || !manufacturerData.keySet().equals(other.manufacturerData.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, byte[]> e : manufacturerData.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.manufacturerData.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, name, serviceUuids, rssi, manufacturerData.keySet());
    }

    @Override
    public String toString() {
        return "Advertisement[name=" + name + ", services=" + serviceUuids
                + ", manufacturerData=" + manufacturerData.keySet() + "]";
    }
}
