package io.github.buttplugjava.core.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests waiting for replies: one in two fields, more in a map made and let go as needed. */
class WaitingRequestsTest {

    @Test
    void oneRequestIsKeptFoundAndTakenByItsId() {
        WaitingRequests<String> w = new WaitingRequests<>();
        assertThat(w.contains(1)).isFalse();
        assertThat(w.remove(1)).isNull();
        w.put(7, "seven");
        assertThat(w.contains(7)).isTrue();
        assertThat(w.contains(8)).isFalse();
        assertThat(w.remove(8)).isNull();
        assertThat(w.remove(7)).isEqualTo("seven");
        assertThat(w.contains(7)).isFalse();
        assertThat(w.remove(7)).as("taken once").isNull();
        assertThat(w.removeAll()).isEmpty();
    }

    @Test
    void manyRequestsAreEachFoundAndTakenOnceInAnyOrder() {
        WaitingRequests<Long> w = new WaitingRequests<>();
        for (long id = 1; id <= 100; id++) {
            w.put(id, id * 10);
        }
        for (long id = 1; id <= 100; id++) {
            assertThat(w.contains(id)).isTrue();
        }
        assertThat(w.contains(101)).isFalse();
        // take the odd ones from the middle out, the first (held in the fields) among them
        for (long id = 1; id <= 100; id += 2) {
            assertThat(w.remove(id)).isEqualTo(id * 10);
        }
        for (long id = 1; id <= 100; id++) {
            assertThat(w.contains(id)).isEqualTo(id % 2 == 0);
        }
        // a new one takes the free field; the rest are still found
        w.put(1000, 10_000L);
        assertThat(w.contains(1000)).isTrue();
        assertThat(w.remove(2)).isEqualTo(20L);
        assertThat(w.removeAll()).hasSize(50).contains(10_000L, 40L, 1000L).doesNotContain(20L);
        assertThat(w.removeAll()).isEmpty();
        assertThat(w.contains(4)).isFalse();
    }

    @Test
    void theMapIsLetGoWhenItEmptiesAndMadeAgainWhenNeeded() {
        WaitingRequests<String> w = new WaitingRequests<>();
        w.put(1, "a");
        w.put(2, "b");
        assertThat(w.remove(2)).isEqualTo("b");
        assertThat(w.remove(1)).isEqualTo("a");
        w.put(3, "c");
        w.put(4, "d");
        w.put(5, "e");
        assertThat(w.remove(4)).isEqualTo("d");
        assertThat(w.remove(3)).isEqualTo("c");
        assertThat(w.contains(5)).isTrue();
        assertThat(w.removeAll()).containsExactly("e");
    }
}
