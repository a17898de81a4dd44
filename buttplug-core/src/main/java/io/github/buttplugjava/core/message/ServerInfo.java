package io.github.buttplugjava.core.message;

import java.util.Objects;

/**
 * The server's answer to {@link RequestServerInfo}.
 *
 * @param id                   the request Id
 * @param serverName           the server's name, may be empty, never null
 * @param protocolVersionMajor spec major version the server answers with (for clients older than
 *                             v4 this is the client's own version, per the spec)
 * @param protocolVersionMinor spec minor version
 * @param maxPingTimeMs        the client must send {@link Ping} at least this often, in ms;
 *                             0 means no ping is required
 */
public record ServerInfo(long id, String serverName, int protocolVersionMajor,
                         int protocolVersionMinor, long maxPingTimeMs) implements ServerMessage {

    /**
     * @param id the request Id
     * @param serverName the server's name, may be empty, never null
     * @param protocolVersionMajor spec major version the server answers with (for clients older
     *         than v4 this is the client's own version, per the spec)
     * @param protocolVersionMinor spec minor version
     * @param maxPingTimeMs the client must send {@link Ping} at least this often, in ms; 0 means no
     *         ping is required
     * @throws IllegalArgumentException on a bad Id or negative numbers
     */
    public ServerInfo {
        Message.checkId(id);
        Objects.requireNonNull(serverName, "serverName");
        if (protocolVersionMajor < 0 || protocolVersionMinor < 0 || maxPingTimeMs < 0) {
            throw new IllegalArgumentException("versions and MaxPingTime must not be negative");
        }
    }

    @Override
    public ServerInfo withId(long id) {
        return new ServerInfo(id, serverName, protocolVersionMajor, protocolVersionMinor, maxPingTimeMs);
    }
}
