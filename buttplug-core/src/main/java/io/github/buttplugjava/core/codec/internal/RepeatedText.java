package io.github.buttplugjava.core.codec.internal;

import io.github.buttplugjava.core.internal.RepeatedValues;

/**
 * One shared instance for text that many decoded messages repeat: device names and feature
 * descriptions ("Lovense Hush", "Vibrator", "Battery"), which a hub or a client keeps for every
 * device it holds, thousands of times over. A fixed table of {@value #SLOTS} slots
 * ({@link RepeatedValues}): it never grows, whatever a peer sends.
 */
final class RepeatedText {

    /** The table's size, a power of two. */
    static final int SLOTS = 512;

    /** Texts longer than this are kept as decoded: names and descriptions are short. */
    static final int MAX_LENGTH = 64;

    private static final RepeatedValues<String> TABLE = new RepeatedValues<>(SLOTS);

    private RepeatedText() {
    }

    /**
     * The shared instance of {@code text}, or {@code text} itself when the table holds no equal one.
     *
     * @param text decoded text, or null
     * @return an equal string (the same one for equal texts while it stays in its slot), or null for null
     */
    static String shared(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        return TABLE.shared(text);
    }
}
