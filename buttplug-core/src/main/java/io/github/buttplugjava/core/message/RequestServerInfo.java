package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * The client's first message: its name and the spec version it speaks.
 *
 * <p>In the v4 model the version is {@code protocolVersionMajor} (0..4 for the versions this
 * library knows) and {@code protocolVersionMinor}. Older wire forms map here: v1..v3
 * {@code MessageVersion} becomes the major version, and a v0 message without a version field is
 * major 0.
 *
 * @param id                   the request Id
 * @param clientName           the client's name, never null
 * @param protocolVersionMajor spec major version the client speaks, at least 0
 * @param protocolVersionMinor spec minor version, at least 0 (always 0 before v4)
 */
public record RequestServerInfo(long id, String clientName, int protocolVersionMajor,
                                int protocolVersionMinor) implements ClientMessage {

    /**
     * @param id the request Id
     * @param clientName the client's name, never null
     * @param protocolVersionMajor spec major version the client speaks, at least 0
     * @param protocolVersionMinor spec minor version, at least 0 (always 0 before v4)
     * @throws IllegalArgumentException on a bad Id or a negative version
     */
    public RequestServerInfo {
        Message.checkId(id);
        Objects.requireNonNull(clientName, "clientName");
        if (protocolVersionMajor < 0 || protocolVersionMinor < 0) {
            throw new IllegalArgumentException("protocol version must not be negative");
        }
    }

    @Override
    public RequestServerInfo withId(long id) {
        return new RequestServerInfo(id, clientName, protocolVersionMajor, protocolVersionMinor);
    }
}
