package io.github.buttplugjava.transport.ws.internal;

import java.nio.charset.StandardCharsets;

/** UTF-8 sizes of text frames and close reasons, shared by the dialing and the serving side. */
public final class TextSizes {

    /** Most UTF-8 bytes of a WebSocket close reason (RFC 6455: 125-byte control payload minus the code). */
    public static final int MAX_CLOSE_REASON_BYTES = 123;

    private TextSizes() {
    }

    /**
     * UTF-8 size of {@code s}, counted without copying; a surrogate pair split across two calls
     * counts 6 bytes instead of 4 (never less than the real size).
     *
     * @param s the text
     * @return its size in UTF-8 bytes
     */
    public static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * {@code reason} cut to fit a close frame.
     *
     * @param reason the reason; null reads as empty
     * @return at most {@link #MAX_CLOSE_REASON_BYTES} UTF-8 bytes of it
     */
    public static String closeReason(String reason) {
        String r = reason == null ? "" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON_BYTES) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
