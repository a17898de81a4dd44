package io.github.buttplugjava.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedValuesTest {

    @Test
    void equalValuesShareTheFirstInstance() {
        RepeatedValues<List<String>> table = new RepeatedValues<>(8);
        List<String> first = List.of(new String("a"), new String("b"));
        List<String> second = List.of(new String("a"), new String("b"));

        assertThat(table.shared(first)).isSameAs(first);
        assertThat(table.shared(second)).isSameAs(first);
    }

    @Test
    void aValueThatTakesAnotherOnesSlotEvictsItAndEveryAnswerStaysEqual() {
        RepeatedValues<String> table = new RepeatedValues<>(1); // one slot: every value competes for it
        String a = table.shared(new String("a"));
        String b = new String("b");

        assertThat(table.shared(b)).isSameAs(b);
        String againA = new String("a");
        assertThat(table.shared(againA)).isSameAs(againA).isEqualTo(a);
        assertThat(table.shared(new String("a"))).isSameAs(againA);
    }

    @Test
    void nullPassesThrough() {
        assertThat(new RepeatedValues<String>(4).shared(null)).isNull();
    }

    @Test
    void theSizeMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new RepeatedValues<String>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatedValues<String>(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
    }
}
