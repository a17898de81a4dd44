package io.github.buttplugjava.btle.protocol;

import java.util.Objects;

/**
 * What a protocol's identify step found out.
 *
 * @param protocol   the protocol id to use (usually the one matched; a protocol may hand over to
 *                   a sibling, as Hismith does to Hismith Mini)
 * @param identifier the model identifier that selects a configuration (default: the BLE name)
 */
public record Identification(String protocol, String identifier) {

    /**
     * Checks for nulls.
     *
     * @param protocol the protocol id to use (usually the one matched; a protocol may hand over to
     *         a sibling, as Hismith does to Hismith Mini)
     * @param identifier the model identifier that selects a configuration (default: the BLE name)
     */
    public Identification {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(identifier, "identifier");
    }
}
