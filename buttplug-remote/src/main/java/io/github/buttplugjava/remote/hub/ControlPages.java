package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.transport.ws.server.HttpPage;
import io.github.buttplugjava.transport.ws.server.HttpPages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The hub's plain HTTP face: {@code GET /control/<token>} of a room's control token answers the
 * control page (a Buttplug client in the browser that connects back to the same URL as a
 * WebSocket), {@value #ASSETS}{@code control.js} and {@code control.css} answer its script and
 * style, everything else 404. All three come from this jar, read once at construction.
 *
 * <p>Every answer carries a strict Content-Security-Policy (nothing from anywhere but the hub, no
 * inline script or style, no frames), {@code Referrer-Policy: no-referrer} and
 * {@code Cache-Control: no-store}. An unknown token gets the same plain 404 as an unknown path and
 * is counted in the {@link AuthFailureLog} like a refused control link. The path is never logged.
 * Thread-safe (immutable).
 */
final class ControlPages implements HttpPages {

    /** Path prefix of the page's script and style: token-free, so the page never puts its token in a URL it loads. */
    static final String ASSETS = "/assets/";

    private static final String RESOURCES = "page/";

    /** A {@code Host} header fit to be named in the policy: a host name or address and a port. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'; connect-src 'self'";

    private final byte[] page;
    private final Map<String, HttpPage> assets;
    private final Predicate<String> knownControlToken;
    private final AuthFailureLog authFailures;

    ControlPages(Predicate<String> knownControlToken, AuthFailureLog authFailures) {
        this.knownControlToken = Objects.requireNonNull(knownControlToken, "knownControlToken");
        this.authFailures = Objects.requireNonNull(authFailures, "authFailures");
        this.page = resource("control.html");
        Map<String, HttpPage> a = new LinkedHashMap<>();
        a.put(ASSETS + "control.js", new HttpPage(200, "text/javascript; charset=utf-8", headers(""),
                resource("control.js")));
        a.put(ASSETS + "control.css", new HttpPage(200, "text/css; charset=utf-8", headers(""),
                resource("control.css")));
        this.assets = Map.copyOf(a);
    }

    @Override
    public HttpPage get(String path, String host, InetSocketAddress remote) {
        HttpPage asset = assets.get(path);
        if (asset != null) {
            return asset;
        }
        if (path.startsWith(RemoteServer.CONTROL_PREFIX) && path.length() > RemoteServer.CONTROL_PREFIX.length()) {
            String token = path.substring(RemoteServer.CONTROL_PREFIX.length());
            if (token.indexOf('/') < 0 && knownControlToken.test(token)) {
                return new HttpPage(200, "text/html; charset=utf-8", headers(host), page);
            }
            authFailures.refused(address(remote), "unknown control token");
        }
        return notFound();
    }

    /** The plain 404 of every path not served: the same for an unknown token as for any other path. */
    static HttpPage notFound() {
        return new HttpPage(404, "text/plain; charset=utf-8", headers(""), "not found\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The security headers. The policy's {@code connect-src} names the page's own origin as
     * {@code ws://} and {@code wss://} besides {@code 'self'} (browsers before CSP level 3 do not
     * count WebSockets as {@code 'self'}), when the Host header is a plain host and port.
     */
    static Map<String, String> headers(String host) {
        String policy = POLICY;
        if (host != null && HOST.matcher(host).matches()) {
            policy += " ws://" + host + " wss://" + host;
        }
        return Map.of("Content-Security-Policy", policy, "Referrer-Policy", "no-referrer",
                "Cache-Control", "no-store", "X-Frame-Options", "DENY", "Cross-Origin-Resource-Policy", "same-origin");
    }

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return AuthFailureLog.UNKNOWN_ADDRESS;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ControlPages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the control page resource " + name);
            }
            return in.readNBytes(HttpPage.MAX_BODY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
