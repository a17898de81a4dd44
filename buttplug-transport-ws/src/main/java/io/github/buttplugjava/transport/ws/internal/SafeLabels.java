package io.github.buttplugjava.transport.ws.internal;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Names for dialed addresses in logs and exception messages that never carry secrets: a request
 * path may hold an access token ({@code /control/{token}}, or a mistyped {@code /{token}}), a URI
 * user info or a query.
 */
public final class SafeLabels {

    /** A first path segment shown as is: a short lowercase word such as {@code share} or {@code control}. */
    private static final Pattern WORD = Pattern.compile("[a-z]{1,12}");

    private SafeLabels() {
    }

    /**
     * {@code /}, or the first path segment when it is a short lowercase word ({@code /share},
     * {@code /control/…} when more follows), else {@code /…}.
     *
     * @param path a raw request path such as {@code /control/abc}; null or empty counts as {@code /}
     * @return a label of at most 15 characters that never holds more than the first segment, and
     *         that segment only when it is 1 to 12 letters {@code a-z}
     */
    public static String path(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path.substring(1) : path.substring(1, second);
        if (!path.startsWith("/") || !WORD.matcher(first).matches()) {
            return "/…";
        }
        return second < 0 ? "/" + first : "/" + first + "/…";
    }

    /**
     * {@code scheme://host:port} followed by {@link #path(String)}; no user info, no query.
     *
     * @param uri the dialed address; must not be null
     * @return the label, e.g. {@code wss://example.org:443/control/…}; {@code ?} stands for a
     *         missing host, and the port is left out when the URI has none
     * @throws NullPointerException when {@code uri} is null
     */
    public static String uri(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + host + port + path(uri.getRawPath());
    }
}
