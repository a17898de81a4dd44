package io.github.buttplugjava.core.codec;

import java.util.Optional;

/** The Buttplug message spec versions this library speaks on the wire. */
public enum SpecVersion {
    /** Spec v0 (2017-08). */
    V0,
    /** Spec v1 (2017-12). */
    V1,
    /** Spec v2 (2020-09). */
    V2,
    /** Spec v3 (2022-08). */
    V3,
    /** Spec v4 (2026-01), the model used inside the library. */
    V4;

    /** The newest version, spoken inside the library. */
    public static final SpecVersion NEWEST = V4;

    /**
     * The major version number, 0..4.
     *
     * @return 0 for {@link #V0} up to 4 for {@link #V4}
     */
    public int major() {
        return ordinal();
    }

    /**
     * The version with this major number, or empty when this library does not know it.
     *
     * @param major a major version number, e.g. a client's {@code ProtocolVersionMajor} or {@code
     *         MessageVersion}
     * @return the version, or empty for a negative or unknown number
     */
    public static Optional<SpecVersion> ofMajor(long major) {
        if (major < 0 || major >= values().length) {
            return Optional.empty();
        }
        return Optional.of(values()[(int) major]);
    }

    /**
     * Whether this version is at least {@code other}.
     *
     * @param other the version to compare with
     * @return true when this version is {@code other} or newer
     */
    public boolean atLeast(SpecVersion other) {
        return compareTo(other) >= 0;
    }
}
