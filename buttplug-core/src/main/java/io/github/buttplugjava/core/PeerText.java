package io.github.buttplugjava.core;

import java.util.Objects;

/**
 * Text that came from a peer (device names, feature descriptions, error texts, client names,
 * aliases), made fit to show to another person or to write to a log: control characters
 * (C0, C1, line and paragraph separators, bidirectional and other format characters) removed,
 * whitespace runs folded to one space, trimmed, and cut to a length with an ellipsis. A peer can
 * thus neither forge log lines nor reorder what a reader sees nor cost more than its share.
 *
 * <p>Stateless and thread-safe.
 */
public final class PeerText {

    /** Longest client name, device name or feature description shown or logged: {@value}. */
    public static final int MAX_NAME = 64;

    /** Longest error text relayed or logged: {@value}. */
    public static final int MAX_ERROR = 256;

    private PeerText() {
    }

    /**
     * {@code text} cleaned and cut to at most {@code maxCodePoints} code points (the last one an
     * ellipsis when cut). Null becomes the empty string.
     *
     * @param text the peer's text, may be null
     * @param maxCodePoints the most code points the result may have, at least 1
     * @return the cleaned text, possibly empty, never null
     * @throws IllegalArgumentException when {@code maxCodePoints < 1}
     */
    public static String clean(String text, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be positive");
        }
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), maxCodePoints * 2 + 2));
        int kept = 0;
        boolean pendingSpace = false;
        boolean cut = false;
        // look at no more than a bounded prefix: a 900 KB name costs the same as a short one
        int limit = Math.min(text.length(), maxCodePoints * 8 + 64);
        for (int i = 0; i < limit; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = kept > 0;
                continue;
            }
            if (!shown(c)) {
                continue;
            }
            int needed = pendingSpace ? 2 : 1;
            if (kept + needed > maxCodePoints) {
                cut = true;
                break;
            }
            if (pendingSpace) {
                b.append(' ');
                kept++;
                pendingSpace = false;
            }
            b.appendCodePoint(c);
            kept++;
        }
        if (!cut && limit < text.length()) {
            cut = true;
        }
        if (cut) {
            if (kept >= maxCodePoints) {
                int end = b.offsetByCodePoints(0, maxCodePoints - 1);
                b.setLength(end);
            }
            b.append('\u2026');
        }
        return b.toString();
    }

    /**
     * {@link #clean(String, int)} with {@link #MAX_NAME}.
     *
     * @param text the peer's text, may be null
     * @return the cleaned text of at most {@value #MAX_NAME} code points, never null
     */
    public static String name(String text) {
        return clean(text, MAX_NAME);
    }

    /**
     * {@link #clean(String, int)} with {@link #MAX_ERROR}.
     *
     * @param text the peer's text, may be null
     * @return the cleaned text of at most {@value #MAX_ERROR} code points, never null
     */
    public static String error(String text) {
        return clean(text, MAX_ERROR);
    }

    private static boolean shown(int c) {
        if (Character.isISOControl(c)) {
            return false;
        }
        int type = Character.getType(c);
        return type != Character.FORMAT && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE;
    }

    /**
     * Objects.toString, cleaned: for log arguments that may be null.
     *
     * @param value the object to show, may be null (shown as the empty string)
     * @param maxCodePoints the most code points the result may have, at least 1
     * @return the cleaned text of {@code value.toString()}, never null
     */
    public static String forLog(Object value, int maxCodePoints) {
        return clean(Objects.toString(value, ""), maxCodePoints);
    }
}
