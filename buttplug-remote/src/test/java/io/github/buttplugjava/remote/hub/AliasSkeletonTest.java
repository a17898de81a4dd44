package io.github.buttplugjava.remote.hub;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AliasSkeletonTest {

    private static void same(String a, String b) {
        assertThat(AliasSkeleton.of(a)).as("%s looks like %s", a, b).isEqualTo(AliasSkeleton.of(b));
    }

    @Test
    void lookAlikesShareASkeleton() {
        same("\u0415v\u0435", "Eve");        // Cyrillic Е and е
        same("E\u200Bve", "Eve");            // zero-width space
        same("E\u00ADv\uFE0Fe", "Eve");      // soft hyphen, variation selector
        same("eve", "Eve");
        same("EVE", "Eve");
        same("Frank", "Frank");
        same("\u0395\u03bd\u03b5", "Eve");   // Greek Ε ν ε
        same("\u00C9ve", "Eve");             // accent
        same("0scar", "Oscar");
        same("Bi11", "Bill");
        same("Ian", "lan");
        same("rnary", "mary");
        same("\uFF25\uFF56\uFF45", "Eve");   // full-width, folded by NFKC
        same("\u0440\u0430\u0443", "pay");   // Cyrillic р а у
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(AliasSkeleton.of("Eve")).isNotEqualTo(AliasSkeleton.of("Eva"));
        assertThat(AliasSkeleton.of("Frank")).isNotEqualTo(AliasSkeleton.of("Franz"));
        assertThat(AliasSkeleton.of("Alice")).isNotEqualTo(AliasSkeleton.of("Bob"));
    }
}
