package io.github.buttplugjava.remote.hub;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What an alias looks like, reduced so that names a reader cannot tell apart reduce to the same
 * string: "Eve", "EVE", "eve", "Е\u0432е"-style mixes of Cyrillic and Latin, "E\u200Bve" with a
 * zero-width space, "Ev\u0435" with a Cyrillic e, "0scar" and "Oscar", "rnary" and "mary".
 *
 * <p>Steps: NFKC; remove default-ignorable characters (zero-width and joiners U+200B..U+200F,
 * U+2060..U+2064, U+FEFF, soft hyphen U+00AD, variation selectors) and whitespace; NFKD and drop
 * combining marks; case-fold; map common Cyrillic, Greek and digit look-alikes to Latin letters
 * (I, i and l all to l, as I and l cannot be told apart in many fonts); finally "rn" to "m". Not every confusable of Unicode's tables is here: the
 * common ones, which is what a squatter reaches for. Stateless.
 */
final class AliasSkeleton {

    private AliasSkeleton() {
    }

    /** Look-alikes to Latin, applied after case folding (so only lower case is needed here). */
    private static final Map<Integer, Character> CONFUSABLES = Map.ofEntries(
            // Cyrillic
            Map.entry(0x0430, 'a'), Map.entry(0x0435, 'e'), Map.entry(0x043E, 'o'), Map.entry(0x0440, 'p'),
            Map.entry(0x0441, 'c'), Map.entry(0x0443, 'y'), Map.entry(0x0445, 'x'), Map.entry(0x0456, 'l'),
            Map.entry(0x0458, 'j'), Map.entry(0x0455, 's'), Map.entry(0x0501, 'd'), Map.entry(0x04BB, 'h'),
            Map.entry(0x04CF, 'l'), Map.entry(0x0432, 'b'), Map.entry(0x043A, 'k'), Map.entry(0x043C, 'm'),
            Map.entry(0x043D, 'h'), Map.entry(0x0442, 't'), Map.entry(0x0457, 'l'), Map.entry(0x0491, 'r'),
            // Greek (lower case after folding: Α→α, Β→β, Ε→ε, Ζ→ζ, Η→η, Ι→ι, Κ→κ, Μ→μ, Ν→ν, Ο→ο, Ρ→ρ, Τ→τ, Υ→υ, Χ→χ)
            Map.entry(0x03B1, 'a'), Map.entry(0x03B2, 'b'), Map.entry(0x03B5, 'e'), Map.entry(0x03B6, 'z'),
            Map.entry(0x03B7, 'h'), Map.entry(0x03B9, 'l'), Map.entry(0x03BA, 'k'), Map.entry(0x03BC, 'm'),
            Map.entry(0x03BD, 'v'), Map.entry(0x03BF, 'o'), Map.entry(0x03C1, 'p'), Map.entry(0x03C4, 't'),
            Map.entry(0x03C5, 'y'), Map.entry(0x03C7, 'x'),
            // digits and Latin look-alikes
            Map.entry((int) '0', 'o'), Map.entry((int) '1', 'l'), Map.entry((int) 'i', 'l'),
            Map.entry(0x0131, 'l'), Map.entry(0x0269, 'l'));

    /** The skeleton of {@code alias}: equal skeletons mean the two look alike. */
    static String of(String alias) {
        String s = Normalizer.normalize(alias, Normalizer.Form.NFKC);
        StringBuilder visible = new StringBuilder(s.length());
        s.codePoints().filter(c -> !ignorable(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(visible::appendCodePoint);
        String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFKD);
        StringBuilder bare = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !combining(c)).forEach(bare::appendCodePoint);
        // case fold: lower(upper(x)) folds the special cases (ß stays, final sigma becomes sigma)
        String folded = bare.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder latin = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            Character mapped = CONFUSABLES.get(c);
            if (mapped != null) {
                latin.append(mapped.charValue());
            } else {
                latin.appendCodePoint(c);
            }
        });
        return latin.toString().replace("rn", "m");
    }

    private static boolean ignorable(int c) {
        return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F
                || (c >= 0x180B && c <= 0x180F) || Character.getType(c) == Character.FORMAT;
    }

    private static boolean combining(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
