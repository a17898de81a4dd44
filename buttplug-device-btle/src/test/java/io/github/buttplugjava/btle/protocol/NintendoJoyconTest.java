package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nintendo Joy-Con rumble: the reports the reference's {@code nintendo_joycon.rs} writes (values
 * computed with its single-precision formula and saturating conversions).
 */
class NintendoJoyconTest {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static String rumbleOf(int speed) {
        byte[] report = NintendoJoycon.rumbleReport(speed);
        return hex(java.util.Arrays.copyOfRange(report, 2, 6));
    }

    @Test
    void rumbleBytesFollowTheReferencesFormula() {
        assertThat(rumbleOf(0)).isEqualTo("00004140");
        assertThat(rumbleOf(1)).as("0.001 is not above the threshold").isEqualTo("00004140");
        assertThat(rumbleOf(2)).isEqualTo("a8008a40");
        assertThat(rumbleOf(150)).isEqualTo("a82c954b");
        assertThat(rumbleOf(230)).isEqualTo("a83e994f");
        assertThat(rumbleOf(231)).isEqualTo("a8409a50");
        assertThat(rumbleOf(500)).isEqualTo("a888ac62");
        assertThat(rumbleOf(1000)).isEqualTo("a8c8bc72");
    }

    @Test
    void aRumbleReportIsReport0x10WithBothMotorsAndNoSubcommand() {
        byte[] report = NintendoJoycon.rumbleReport(500);

        assertThat(report).hasSize(64);
        assertThat(hex(java.util.Arrays.copyOfRange(report, 0, 12))).isEqualTo("1001a888ac62a888ac620000");
        assertThat(java.util.Arrays.copyOfRange(report, 12, 64)).containsOnly((byte) 0);
    }

    @Test
    void initialisationEnablesVibration() {
        RecordingIo io = new RecordingIo("Joy-Con (R)");
        new NintendoJoycon().initialize(io).join();

        assertThat(io.log).singleElement().satisfies(c -> {
            HardwareCommand.Write w = (HardwareCommand.Write) c;
            assertThat(w.endpoint()).isEqualTo(Endpoint.TX);
            assertThat(hex(w.data())).startsWith("0100000000000000000048010000").hasSize(128);
        });
    }

    @Test
    void aCommandWritesAtOnceAndThePeriodicWorkRepeatsOnlyWhileOn() {
        NintendoJoycon joycon = new NintendoJoycon();
        PeriodicWork work = joycon.periodicWork().get(0);
        assertThat(work.interval()).isEqualTo(Duration.ofMillis(15));
        assertThat(work.tick().next(Duration.ZERO)).isEmpty();

        List<HardwareCommand> on = joycon.vibrate(0, 500);
        assertThat(on).hasSize(1);
        HardwareCommand.Write write = (HardwareCommand.Write) on.get(0);
        assertThat(write.endpoint()).isEqualTo(Endpoint.TX);
        assertThat(write.data()).isEqualTo(NintendoJoycon.rumbleReport(500));
        assertThat(work.tick().next(Duration.ofMillis(15))).singleElement()
                .satisfies(c -> assertThat(((HardwareCommand.Write) c).data()).isEqualTo(NintendoJoycon.rumbleReport(500)));

        List<HardwareCommand> off = joycon.vibrate(0, 0);
        assertThat(((HardwareCommand.Write) off.get(0)).data()).isEqualTo(NintendoJoycon.rumbleReport(0));
        assertThat(work.tick().next(Duration.ofMillis(15))).isEmpty();
    }

}
