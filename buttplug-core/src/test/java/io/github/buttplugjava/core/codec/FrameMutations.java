package io.github.buttplugjava.core.codec;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Mutation of a valid frame: replace a slice at some position by some text. */
final class FrameMutations {
    private FrameMutations() {
    }

    static Arbitrary<String> mutate(Arbitrary<String> frames, Arbitrary<Integer> positions,
                                    Arbitrary<Integer> lengths, Arbitrary<String> replacements) {
        return Combinators.combine(frames, positions, lengths, replacements).as((f, p, l, r) -> {
            int at = p % (f.length() + 1);
            int end = Math.min(f.length(), at + l);
            return f.substring(0, at) + r + f.substring(end);
        });
    }
}
