package io.github.buttplugjava.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerTextTest {

    @Test
    void controlAndFormatCharactersGoAndWhitespaceFolds() {
        assertThat(PeerText.name("evil\nINFO forged\u001b[31m red\u202e")).isEqualTo("evil INFO forged[31m red");
        assertThat(PeerText.name("  a \t\r\n b  ")).isEqualTo("a b");
        assertThat(PeerText.name("E\u200Bve")).isEqualTo("Eve");
    }

    @Test
    void longTextIsCutWithAnEllipsisAndOnlyAPrefixIsRead() {
        String cut = PeerText.name("x".repeat(900_000));
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(PeerText.MAX_NAME);
        assertThat(cut).endsWith("\u2026");
        assertThat(PeerText.clean("abcdef", 4)).isEqualTo("abc\u2026");
        assertThat(PeerText.clean("abcd", 4)).isEqualTo("abcd");
        String error = PeerText.error("e".repeat(200_000));
        assertThat(error.codePointCount(0, error.length())).isEqualTo(PeerText.MAX_ERROR);
    }

    @Test
    void surrogatePairsAreKeptWholeAndNullIsEmpty() {
        assertThat(PeerText.clean("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00\u2026");
        assertThat(PeerText.clean(null, 5)).isEmpty();
    }
}
