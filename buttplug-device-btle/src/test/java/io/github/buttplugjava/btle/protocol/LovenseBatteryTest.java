package io.github.buttplugjava.btle.protocol;

import io.github.buttplugjava.btle.Endpoint;
import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.InputType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Lovense battery read takes the next battery-shaped reply on rx: a late {@code OK;} of an
 * earlier command must not be taken for the answer (found against the fake BlueZ).
 */
class LovenseBatteryTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aLateOkOfAnEarlierCommandIsSkipped() throws Exception {
        ScriptedIo io = new ScriptedIo("LVS-Z36");
        CompletableFuture<Integer> level = new LovenseSingle().readInput(io, 0, InputType.BATTERY);
        assertThat(io.traffic).singleElement().isInstanceOfSatisfying(HardwareCommand.Write.class, w -> {
            assertThat(w.endpoint()).isEqualTo(Endpoint.TX);
            assertThat(w.data()).isEqualTo(ascii("Battery;"));
        });
        io.pushRx(ascii("OK;"));
        assertThat(level).isNotDone();
        io.pushRx(ascii("85;"));
        assertThat(level.get(5, TimeUnit.SECONDS)).isEqualTo(85);
    }

    /**
     * The late {@code OK;} and the battery reply both arrive before the write of {@code Battery;} is
     * confirmed (seen through the Lovense dongle): the battery reply must not be lost between them.
     */
    @Test
    void repliesThatArriveBeforeTheWriteIsConfirmedAreNotLost() throws Exception {
        ScriptedIo io = new ScriptedIo("LVS-Z36").holdWrites();
        CompletableFuture<Integer> level = new LovenseSingle().readInput(io, 0, InputType.BATTERY);
        io.pushRx(ascii("OK;"));
        io.pushRx(ascii("85;"));
        io.releaseWrites();
        assertThat(level.get(5, TimeUnit.SECONDS)).isEqualTo(85);
    }

    @Test
    void theSPrefixedFormIsALevelToo() throws Exception {
        ScriptedIo io = new ScriptedIo("LVS-Z36");
        CompletableFuture<Integer> level = new LovenseSingle().readInput(io, 0, InputType.BATTERY);
        io.pushRx(ascii("s64;"));
        assertThat(level.get(5, TimeUnit.SECONDS)).isEqualTo(64);
    }

    @Test
    void onlyNonBatteryRepliesGiveUpWithAClearErrorAfterABoundedNumber() {
        ScriptedIo io = new ScriptedIo("LVS-Z36");
        CompletableFuture<Integer> level = new LovenseSingle().readInput(io, 0, InputType.BATTERY);
        for (int i = 0; i < LovenseBattery.MAX_SKIPPED; i++) {
            io.pushRx(ascii("OK;"));
        }
        assertThatThrownBy(() -> level.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("battery reply not understood").hasMessageContaining("OK;");
    }

    @Test
    void noBatteryReplyAtAllTimesOutWithWhatWasSkipped() {
        ScriptedIo io = new ScriptedIo("LVS-Z36");
        CompletableFuture<Integer> level = new LovenseSingle().readInput(io, 0, InputType.BATTERY);
        io.pushRx(ascii("OK;"));
        // the reference's wait: 500 ms for each reply (LOVENSE_COMMAND_TIMEOUT_MS)
        assertThatThrownBy(() -> level.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ButtplugDeviceException.class)
                .hasMessageContaining("no battery reply within 500 ms").hasMessageContaining("OK;");
    }

    @Test
    void aToyThatNeverAnswersFailsTheReadAsTheReferenceDoes() {
        ScriptedIo io = new ScriptedIo("LVS-Z36");
        CompletableFuture<Integer> level = new LovenseSingle().readInput(io, 0, InputType.BATTERY);
        assertThatThrownBy(() -> level.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ButtplugDeviceException.class)
                .hasMessage("Lovense sent no battery reply within 500 ms");
    }
}
