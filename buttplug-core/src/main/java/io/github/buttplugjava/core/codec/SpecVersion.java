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

    /** The major version number, 0..4. */
    public int major() {
        return ordinal();
    }

    /** The version with this major number, or empty when this library does not know it. */
    public static Optional<SpecVersion> ofMajor(long major) {
        if (major < 0 || major >= values().length) {
            return Optional.empty();
        }
        return Optional.of(values()[(int) major]);
    }

    /** Whether this version is at least {@code other}. */
    public boolean atLeast(SpecVersion other) {
        return compareTo(other) >= 0;
    }
}
