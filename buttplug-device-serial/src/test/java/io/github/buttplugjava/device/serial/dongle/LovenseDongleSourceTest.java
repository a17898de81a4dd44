package io.github.buttplugjava.device.serial.dongle;

import io.github.buttplugjava.btle.config.DeviceConfiguration;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.device.serial.PtyPair;
import io.github.buttplugjava.device.serial.ScriptedLovenseDongle;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lovense USB dongle over a real pseudo-terminal pair (socat), with a scripted dongle at the
 * far end that answers as the hardware does and records every line it receives.
 */
class LovenseDongleSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TOY = "C5A8DB2A6E3B";
    private static final String STATUS = "{\"type\":\"toy\",\"func\":\"statuss\"}";
    private static final String SEARCH = "{\"type\":\"toy\",\"func\":\"search\"}";
    private static final String STOP_SEARCH = "{\"type\":\"usb\",\"func\":\"stopSearch\"}";

    private PtyPair pty;
    private ScriptedLovenseDongle dongle;
    private LovenseDongleSource source;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void pseudoTerminals() throws Exception {
        pty = PtyPair.start();
        dongle = ScriptedLovenseDongle.open(pty.scriptPort(), TOY, "S:11:0082059AD3BD;", 85);
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (source != null) {
            source.closeAsync().get(10, TimeUnit.SECONDS);
        }
        if (dongle != null) {
            dongle.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private Device scan() throws Exception {
        source = new LovenseDongleSource(pty.devicePort(), DeviceConfiguration.bundled());
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);
        return events.awaitAdded(WAIT);
    }

    private static String command(String cmd) {
        return "{\"type\":\"toy\",\"func\":\"command\",\"id\":\"" + TOY + "\",\"cmd\":\"" + cmd + "\"}";
    }

    @Test
    void aSearchFindsTheToyWhichIsIdentifiedAndDrivenByTheLovenseHandlers() throws Exception {
        dongle.toyInRange();

        Device lush = scan();

        assertThat(lush.name()).isEqualTo("Lovense Lush");
        assertThat(dongle.lines()).startsWith(STATUS, SEARCH, STOP_SEARCH, command("DeviceType;"));
        assertThat(events.scansFinished()).isEqualTo(1);

        lush.output(0, OutputCommand.of(OutputType.VIBRATE, 10)).get(5, TimeUnit.SECONDS);
        dongle.awaitCommand("Vibrate:10;", WAIT);
        assertThat(lush.read(1, InputType.BATTERY).get(5, TimeUnit.SECONDS)).isEqualTo(85);
        lush.output(0, OutputCommand.of(OutputType.VIBRATE, 0)).get(5, TimeUnit.SECONDS);

        List<String> lines = dongle.await(l -> l.contains(command("Vibrate:0;")), WAIT);
        assertThat(lines).containsSubsequence(command("DeviceType;"), command("Vibrate:10;"), command("Battery;"),
                command("Vibrate:0;"));
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\r"));
    }

    @Test
    void aToyConnectedAlreadyIsTakenWithoutASearch() throws Exception {
        dongle.toyAlreadyConnected();

        Device lush = scan();

        assertThat(lush.name()).isEqualTo("Lovense Lush");
        assertThat(dongle.lines()).startsWith(STATUS, command("DeviceType;")).doesNotContain(SEARCH);
        // the dongle holds one toy: a new scan ends at once
        int before = events.scansFinished();
        source.startScanning().get(5, TimeUnit.SECONDS);
        events.awaitScanFinished(before, WAIT);
    }

    @Test
    void withoutAToyTheSearchGoesOnUntilStopped() throws Exception {
        source = new LovenseDongleSource(pty.devicePort(), DeviceConfiguration.bundled());
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);
        dongle.await(l -> l.contains(SEARCH), WAIT);

        source.stopScanning().get(5, TimeUnit.SECONDS);

        assertThat(dongle.await(l -> l.contains(STOP_SEARCH), WAIT)).containsExactly(STATUS, SEARCH, STOP_SEARCH);
        assertThat(events.added).isEmpty();
    }

    @Test
    void theToyDisconnectingRemovesTheDeviceAndFailsItsCommands() throws Exception {
        dongle.toyInRange();
        Device lush = scan();

        dongle.toyDisconnects();

        assertThat(events.awaitRemoved(WAIT)).isSameAs(lush);
        assertThatThrownBy(() -> lush.output(0, OutputCommand.of(OutputType.VIBRATE, 5)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("disconnected");
    }

    @Test
    void theDongleVanishingMidCommandRemovesTheToyAndFailsItsCommands() throws Exception {
        dongle.toyInRange();
        Device lush = scan();
        lush.output(0, OutputCommand.of(OutputType.VIBRATE, 12)).get(5, TimeUnit.SECONDS);
        dongle.awaitCommand("Vibrate:12;", WAIT);

        // commands keep coming while the dongle goes away: each one completes or fails, none hangs
        List<CompletableFuture<Void>> during = new ArrayList<>();
        during.add(lush.output(0, OutputCommand.of(OutputType.VIBRATE, 13)));
        pty.cut();
        for (int i = 1; i <= 6; i++) {
            during.add(lush.output(0, OutputCommand.of(OutputType.VIBRATE, 13 + i)));
        }

        assertThat(events.awaitRemoved(WAIT)).isSameAs(lush);
        for (CompletableFuture<Void> f : during) {
            f.handle((v, e) -> null).get(5, TimeUnit.SECONDS);
        }
        assertThatThrownBy(() -> lush.output(0, OutputCommand.of(OutputType.VIBRATE, 2)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("disconnected");
    }

    @Test
    void closingStopsTheToyBeforeThePortCloses() throws Exception {
        dongle.toyInRange();
        Device lush = scan();
        lush.output(0, OutputCommand.of(OutputType.VIBRATE, 15)).get(5, TimeUnit.SECONDS);
        dongle.awaitCommand("Vibrate:15;", WAIT);

        source.closeAsync().get(10, TimeUnit.SECONDS);

        // written before the port closed; the scripted dongle may still be reading it
        assertThat(dongle.awaitCommand("Vibrate:0;", WAIT)).endsWith("Vibrate:15;", "Vibrate:0;");
        assertThat(events.awaitRemoved(WAIT)).isSameAs(lush);
    }

    @Test
    void aPortThatCannotBeOpenedEndsTheScan() throws Exception {
        source = new LovenseDongleSource(pty.devicePort() + "-missing", DeviceConfiguration.bundled());
        source.start(events);
        source.startScanning().get(5, TimeUnit.SECONDS);

        events.awaitScanFinished(0, WAIT);
        assertThat(events.scansFinished()).isEqualTo(1);
        assertThat(events.added).isEmpty();
    }
}
