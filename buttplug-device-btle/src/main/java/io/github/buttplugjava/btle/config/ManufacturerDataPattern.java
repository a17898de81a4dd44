package io.github.buttplugjava.btle.config;

import java.util.Map;

/**
 * A manufacturer-data pattern of the configuration: a company id and, optionally, bytes.
 *
 * @param company the Bluetooth SIG company id
 * @param data    the bytes to look for, or null to match any data of the company
 */
public record ManufacturerDataPattern(int company, byte[] data) {

    /**
     * Copies the bytes.
     *
     * @param company the Bluetooth SIG company id
     * @param data the bytes to look for, or null to match any data of the company
     */
    public ManufacturerDataPattern {
        data = data == null ? null : data.clone();
    }

    /**
     * The bytes, copied; null when any data of the company matches.
     *
     * @return a copy of the pattern bytes, or null
     */
    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    /**
     * Whether advertised manufacturer data matches: same company, and no pattern bytes, or equal
     * bytes, or one a contiguous part of the other (the reference's rule, false matches and all).
     *
     * @param advertised the advertisement's manufacturer data, by company id
     * @return true when the data of this pattern's company matches
     */
    public boolean matches(Map<Integer, byte[]> advertised) {
        byte[] seen = advertised.get(company);
        if (seen == null) {
            return false;
        }
        if (data == null) {
            return true;
        }
        return contains(seen, data) || contains(data, seen);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return true;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
