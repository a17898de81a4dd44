package io.github.buttplugjava.testsupport.interop;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The step log keeps at most its bound of lines; later ones are counted and dropped. */
class StepLogTest {

    private static StepLog readAll(String text, int maxLines) {
        StepLog log = StepLog.follow(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "steplog-test",
                maxLines);
        log.join(Duration.ofSeconds(10));
        return log;
    }

    @Test
    void linesPastTheBoundAreCountedAndDropped() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            out.append("{\"step\":\"s\",\"i\":").append(i).append("}\n");
        }
        out.append("not json\n");
        for (int i = 7; i < 12; i++) {
            out.append("{\"step\":\"s\",\"i\":").append(i).append("}\n");
        }
        StepLog log = readAll(out.toString(), 8);

        assertThat(log.steps("s")).extracting(n -> n.path("i").asInt()).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(log.unparsed()).containsExactly("not json", "(5 more lines dropped: the log keeps 8)");
        // a step past the bound was never kept: waiting for it ends with the output, not a hang
        assertThatThrownBy(() -> log.await("s", n -> n.path("i").asInt() == 9, Duration.ofSeconds(10), "the script",
                () -> "")).isInstanceOf(AssertionError.class).hasMessageContaining("before it ended");
    }

    @Test
    void theRealBoundHoldsAHundredThousandLines() {
        int lines = StepLog.MAX_LINES + 3;
        StringBuilder out = new StringBuilder(lines * 16);
        for (int i = 0; i < lines; i++) {
            out.append("{\"step\":\"s\"}\n");
        }
        StepLog log = readAll(out.toString(), StepLog.MAX_LINES);

        assertThat(log.steps()).hasSize(StepLog.MAX_LINES);
        assertThat(log.unparsed()).containsExactly("(3 more lines dropped: the log keeps 100000)");
    }

    @Test
    void blankLinesAreNotCounted() {
        StepLog log = readAll("\n\n{\"step\":\"a\"}\n   \n{\"step\":\"b\"}\n", 2);

        assertThat(log.steps()).hasSize(2);
        assertThat(log.unparsed()).isEmpty();
    }
}
