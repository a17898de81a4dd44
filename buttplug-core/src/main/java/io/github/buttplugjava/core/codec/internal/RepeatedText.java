package io.github.buttplugjava.core.codec.internal;

/**
 * One shared instance for text that many decoded messages repeat: device names and feature
 * descriptions ("Lovense Hush", "Vibrator", "Battery"), which a hub or a client keeps for every
 * device it holds, thousands of times over.
 *
 * <p>A fixed table of {@value #SLOTS} slots, each holding the last text whose hash chose it: a
 * text equal to the slot's is answered with the slot's instance, any other takes the slot. The
 * table never grows, whatever a peer sends (a peer that sends many names only evicts), and it
 * needs no lock: slots hold immutable strings, and a slot read while another thread writes it
 * gives either string, both correct answers.
 */
final class RepeatedText {

    /** The table's size, a power of two. */
    static final int SLOTS = 512;

    /** Texts longer than this are kept as decoded: names and descriptions are short. */
    static final int MAX_LENGTH = 64;

    private static final String[] TABLE = new String[SLOTS];

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
        int h = text.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String held = TABLE[slot];
        if (text.equals(held)) {
            return held;
        }
        TABLE[slot] = text;
        return text;
    }
}
