package io.github.buttplugjava.btle.lovenseconnect;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.core.PeerText;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the Lovense app's LAN API listens: a host name or IP address and its HTTP port.
 *
 * @param host a host name, IPv4 address or bracketed IPv6 address, e.g. {@code 192.168.1.20}
 * @param port the app's HTTP port, 1..65535 (the app shows it, e.g. 20010 or 30010)
 */
public record LovenseConnectHost(String host, int port) {

    /** The longest host accepted. */
    public static final int MAX_HOST = 253;

    /** The most Lovense apps a device configuration may name (each is polled every second). */
    public static final int MAX_CONFIGURED = 16;

    /**
     * Checks the fields.
     *
     * @param host the host
     * @param port the port, 1..65535
     * @throws IllegalArgumentException when the host is empty, too long or has characters no host
     *         has, or the port is outside 1..65535
     */
    public LovenseConnectHost {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty() || host.length() > MAX_HOST || !host.matches("[A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw new IllegalArgumentException("not a host name or address: \"" + host.replaceAll("[^ -~]", "?")
                    .substring(0, Math.min(host.length(), 64)) + "\"");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
    }

    /**
     * The Lovense apps a device configuration names ({@link DeviceConfiguration#lovenseConnectHosts()},
     * from a user configuration's {@code lovense-connect-service} entries), parsed.
     *
     * @param configuration the device configuration, usually with a user configuration on top
     * @return the hosts in configuration order, possibly none
     * @throws IllegalArgumentException when a configured host is not {@code HOST:PORT}, or more than
     *         {@value #MAX_CONFIGURED} are named
     */
    public static List<LovenseConnectHost> configured(DeviceConfiguration configuration) {
        if (configuration.lovenseConnectHosts().size() > MAX_CONFIGURED) {
            throw new IllegalArgumentException("user device configuration: more than " + MAX_CONFIGURED
                    + " Lovense Connect hosts");
        }
        List<LovenseConnectHost> out = new ArrayList<>();
        for (String text : configuration.lovenseConnectHosts()) {
            try {
                out.add(parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("user device configuration: Lovense Connect host "
                        + PeerText.forLog(text, 80) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Parses {@code HOST:PORT}, e.g. {@code 127.0.0.1:20010} or {@code [::1]:20010}.
     *
     * @param text the host and port
     * @return the parsed host
     * @throws IllegalArgumentException when the text is not {@code HOST:PORT}
     */
    public static LovenseConnectHost parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, e.g. 127.0.0.1:20010");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT with a numeric port, e.g. 127.0.0.1:20010", e);
        }
        return new LovenseConnectHost(text.substring(0, colon), port);
    }

    /**
     * The base address of the app's API.
     *
     * @return {@code http://HOST:PORT}
     */
    public URI uri() {
        return URI.create("http://" + host + ":" + port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
