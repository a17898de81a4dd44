package io.github.buttplugjava.transport.ws;

import java.net.URI;

/**
 * Names for sockets in logs and exception messages that never carry secrets: a request path may
 * hold an access token ({@code /control/{token}}), a URI user info or a query.
 */
final class SafeLabels {

    private SafeLabels() {
    }

    /** {@code /} or the first path segment, with {@code /…} when more follows: {@code /control/…}. */
    static String path(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/";
        }
        int second = path.indexOf('/', 1);
        if (second < 0) {
            return path;
        }
        return second == path.length() - 1 ? path : path.substring(0, second) + "/…";
    }

    /** {@code scheme://host:port} followed by {@link #path(String)}; no user info, no query. */
    static String uri(URI uri) {
        String host = uri.getHost() == null ? "?" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + host + port + path(uri.getPath());
    }
}
