package io.github.buttplugjava.device.serial.dongle.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dongle's JSON lines: what we write (the reference's field order) and how its lines are read. */
class DongleWireTest {

    @Test
    void writesTheReferencesMessages() {
        assertThat(DongleMessages.status()).isEqualTo("{\"type\":\"toy\",\"func\":\"statuss\"}");
        assertThat(DongleMessages.search()).isEqualTo("{\"type\":\"toy\",\"func\":\"search\"}");
        assertThat(DongleMessages.stopSearch()).isEqualTo("{\"type\":\"usb\",\"func\":\"stopSearch\"}");
        assertThat(DongleMessages.command("A1", "Vibrate:10;"))
                .isEqualTo("{\"type\":\"toy\",\"func\":\"command\",\"id\":\"A1\",\"cmd\":\"Vibrate:10;\"}");
        assertThat(DongleMessages.command("a\"b", "x")).isEqualTo(
                "{\"type\":\"toy\",\"func\":\"command\",\"id\":\"a\\\"b\",\"cmd\":\"x\"}");
    }

    @Test
    void readsStatusToyDataAndResults() {
        List<DongleMessage> m = DongleMessages.read(
                "{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"A1\",\"data\":\"85;\"}}"
                        + "{\"type\":\"usb\",\"func\":\"search\",\"result\":205}"
                        + "{\"type\":\"toy\",\"func\":\"status\",\"data\":{\"id\":\"A1\",\"status\":403},\"extra\":[1]}"
                        + "{\"no\":\"type\"}");

        assertThat(m).containsExactly(
                new DongleMessage("toy", "toyData", OptionalInt.empty(), Optional.of("A1"), Optional.of("85;"), OptionalInt.empty()),
                new DongleMessage("usb", "search", OptionalInt.of(205), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                new DongleMessage("toy", "status", OptionalInt.empty(), Optional.of("A1"), Optional.empty(), OptionalInt.of(403)));
        assertThat(m.get(1).resultIs(DongleCodes.SEARCH_STARTED)).isTrue();
        assertThat(m.get(2).statusIs(DongleCodes.DEVICE_DISCONNECTED)).isTrue();
    }

    @Test
    void capsWhatItReads() {
        String longId = "x".repeat(1000);
        DongleMessage m = DongleMessages.read("{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"" + longId + "\"}}").get(0);
        assertThat(m.dataId().orElseThrow()).hasSize(DongleMessages.MAX_TEXT);

        String many = "{\"type\":\"usb\",\"func\":\"search\",\"result\":205}".repeat(100);
        assertThat(DongleMessages.read(many)).hasSize(DongleMessages.MAX_PER_LINE);
    }

    @Test
    void refusesWhatIsNotJsonObjects() {
        assertThatThrownBy(() -> DongleMessages.read("OK;")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DongleMessages.read("[1,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DongleMessages.read("{\"type\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesAreCutAtNewlinesAndOverlongOnesAreDropped() {
        LineReader r = new LineReader();
        assertThat(r.feed(bytes("{\"a\":1}\r\n{\"b\""))).containsExactly("{\"a\":1}");
        assertThat(r.feed(bytes(":2}\n"))).containsExactly("{\"b\":2}");

        assertThat(r.feed(bytes("y".repeat(LineReader.MAX_LINE + 10)))).isEmpty();
        assertThat(r.feed(bytes("still the long line\nnext\n"))).containsExactly("next");
        assertThat(r.droppedLines()).isEqualTo(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
