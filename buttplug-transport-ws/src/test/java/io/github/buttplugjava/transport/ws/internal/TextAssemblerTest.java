package io.github.buttplugjava.transport.ws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAssemblerTest {

    @Test
    void joinsPartsIntoOneMessage() {
        TextAssembler text = new TextAssembler(100);
        assertThat(text.add("ab", false)).isEqualTo(TextAssembler.Outcome.PARTIAL);
        assertThat(text.add("cd", true)).isEqualTo(TextAssembler.Outcome.COMPLETE);
        assertThat(text.take()).isEqualTo("abcd");
        assertThat(text.keptChars()).isZero();
    }

    @Test
    void dropsWhatItKeptOnceTheBoundIsPassed() {
        TextAssembler text = new TextAssembler(5);
        assertThat(text.add("abc", false)).isEqualTo(TextAssembler.Outcome.PARTIAL);
        assertThat(text.add("def", false)).isEqualTo(TextAssembler.Outcome.TOO_BIG);
        assertThat(text.keptChars()).isZero();
        assertThat(text.add("abcde", true)).as("the next message starts afresh").isEqualTo(TextAssembler.Outcome.COMPLETE);
    }

    @Test
    void closeReasonsAreCutTo123Utf8Bytes() {
        assertThat(TextSizes.closeReason("é".repeat(100))).hasSize(61);
        assertThat(TextSizes.closeReason(null)).isEmpty();
        assertThat(TextSizes.utf8Length("a\u00e9\u20ac\uD83D\uDE00")).isEqualTo(1 + 2 + 3 + 4);
    }
}
