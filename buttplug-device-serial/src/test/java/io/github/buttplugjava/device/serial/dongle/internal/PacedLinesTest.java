package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.btle.BleException;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines to the dongle: a gap between writes, a bounded queue, failures on close. */
class PacedLinesTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> written = new ArrayList<>();
    private final PacedLines lines = new PacedLines(bytes -> {
        written.add(new String(bytes, StandardCharsets.UTF_8));
        return CompletableFuture.completedFuture(null);
    }, Runnable::run, time.scheduler(), time::elapsedNanos, Duration.ofMillis(75));

    @Test
    void linesAreWrittenInOrderAGapApartWithTheirEnds() {
        CompletableFuture<Void> a = lines.send("a");
        CompletableFuture<Void> b = lines.send("b");
        CompletableFuture<Void> c = lines.send("c");
        assertThat(written).containsExactly("a\r\n");
        assertThat(a).isCompleted();

        time.advanceMillis(74);
        assertThat(written).containsExactly("a\r\n");
        assertThat(b).isNotDone();
        time.advanceMillis(1);
        assertThat(written).containsExactly("a\r\n", "b\r\n");
        time.advanceMillis(75);
        assertThat(written).containsExactly("a\r\n", "b\r\n", "c\r\n");
        assertThat(c).isCompleted();
    }

    @Test
    void aFullQueueFailsTheNewLineAndCloseFailsTheWaitingOnes() {
        lines.send("first");
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < PacedLines.MAX_QUEUED; i++) {
            waiting.add(lines.send("w" + i));
        }
        assertThat(lines.send("one too many")).isCompletedExceptionally();

        lines.close(new BleException("gone"));

        assertThat(waiting).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
        assertThat(lines.send("later")).isCompletedExceptionally();
        time.advance(Duration.ofSeconds(10));
        assertThat(written).containsExactly("first\r\n");
    }
}
