package io.github.buttplugjava.examples.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 8: a hostile agent sends a 20 KB device name and a 100 KB feature description, both with ANSI
 * escapes and newlines, 200 KB error texts as its replies to commands, and a DeviceMessageTimingGap
 * of 4294967295 ms. The controller sees names and descriptions without control characters and at
 * most 64 code points (the device name after the hub's "alias - " prefix), error texts of at most
 * 256, a timing gap clamped to 0..1,000 ms, and every command gets a reply within a few seconds.
 */
class HostileTextTest {

    private static final String ESC = "\u001b[31m";

    @Test
    void hostileTextIsCleanedAndCappedAndNoCommandHangs() throws Exception {
        String name = "Evil" + ESC + "\nINFO forged line\r\n" + "n".repeat(20_000);
        String description = ESC + "Vibe\n\u2028\u202e" + "d".repeat(100_000) + "\n" + ESC;
        String error = ESC + "boom\n" + "e".repeat(200_000) + "\u0007";
        try (Rigs.Hub hub = new Rigs.Hub();
             HostileAgent agent = HostileAgent.connect(hub.port())
                     .devices(Wire.devices(java.util.List.of(Wire.vibrator(0, name, description, 4294967295L))))
                     .replies(m -> "{\"Error\":{\"Id\":" + m.id() + ",\"ErrorMessage\":" + Wire.quote(error)
                             + ",\"ErrorCode\":4}}");
             PackedController c = PackedController.connect(hub.port(), hub.controlPath(0))) {
            assertThat(agent.hello(Rigs.Hub.shareToken(0), "Mallory")).contains("Welcome");
            c.handshake("controller");
            int index = c.awaitDevice("Mallory", Duration.ofSeconds(5));
            JsonNode list = c.deviceListJson();
            JsonNode device = null;
            for (Iterator<JsonNode> it = list.path("Devices").elements(); it.hasNext(); ) {
                JsonNode d = it.next();
                if (d.path("DeviceIndex").asInt() == index) {
                    device = d;
                }
            }
            assertThat(device).isNotNull();
            String shownName = device.path("DeviceName").asText();
            assertClean("device name", shownName);
            String afterAlias = shownName.startsWith("Mallory - ") ? shownName.substring("Mallory - ".length()) : shownName;
            assertThat(afterAlias.codePointCount(0, afterAlias.length())).as("device name length").isLessThanOrEqualTo(64);
            String shownDescription = device.path("DeviceFeatures").path("0").path("FeatureDescription").asText();
            assertClean("feature description", shownDescription);
            assertThat(shownDescription.codePointCount(0, shownDescription.length()))
                    .as("feature description length").isLessThanOrEqualTo(64);
            assertThat(device.path("DeviceMessageTimingGap").asLong()).as("advertised timing gap")
                    .isBetween(0L, 1000L);

            for (int i = 0; i < 3; i++) {
                long id = c.nextId();
                c.send("[" + Wire.vibrate(id, index, 5 + i) + "]");
                String reply = c.peer.await(t -> Wire.hasReply(t, id), Duration.ofSeconds(5));
                for (Wire.Message m : Wire.messages(reply)) {
                    if (m.name().equals("Error") && m.id() == id) {
                        String text = m.body().path("ErrorMessage").asText();
                        assertClean("error text", text);
                        assertThat(text.codePointCount(0, text.length())).as("error text length").isLessThanOrEqualTo(256);
                    }
                }
            }
        }
    }

    static void assertClean(String what, String s) {
        s.codePoints().forEach(cp -> assertThat(Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.LINE_SEPARATOR || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR)
                .as("%s holds control/format character U+%04X", what, cp).isFalse());
    }
}
