package io.github.buttplugjava.transport.ws.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * One plain HTTP answer of {@link HttpPages}: a status, a content type, extra headers and a body
 * held in memory. The server adds {@code Content-Length}, {@code Connection: close} and
 * {@code X-Content-Type-Options: nosniff}, and closes the connection once it is written.
 *
 * @param status      the HTTP status code, 200..599
 * @param contentType the {@code Content-Type}, e.g. {@code text/html; charset=utf-8}
 * @param headers     extra response headers (names and values of printable ASCII); copied
 * @param body        the body; copied, at most {@link #MAX_BODY} bytes
 */
public record HttpPage(int status, String contentType, Map<String, String> headers, byte[] body) {

    /** Largest body a page may have: {@value} bytes (pages are served from memory). */
    public static final int MAX_BODY = 1 << 20;

    /**
     * Validates and copies.
     *
     * @param status      the HTTP status code, 200..599
     * @param contentType the {@code Content-Type}
     * @param headers     extra response headers (printable ASCII, no colon in a name); copied
     * @param body        the body, at most {@link #MAX_BODY} bytes; copied
     * @throws IllegalArgumentException when the status is out of range, the body too large or a
     *                                  header not printable ASCII
     * @throws NullPointerException     when any argument is null
     */
    public HttpPage {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status out of 200..599: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        body = body.clone();
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("body larger than " + MAX_BODY + " bytes");
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (!printable(h.getKey()) || !printable(h.getValue()) || h.getKey().indexOf(':') >= 0) {
                throw new IllegalArgumentException("header names and values are printable ASCII");
            }
        }
    }

    /**
     * The body.
     *
     * @return a copy of the body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * A plain-text answer with no extra headers.
     *
     * @param status the HTTP status code
     * @param text   the body, sent as UTF-8
     * @return the page
     */
    public static HttpPage text(int status, String text) {
        return new HttpPage(status, "text/plain; charset=utf-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean printable(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
