package io.github.buttplugjava.benchmarks;

import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark rigs drive the real stack: a command reaches the simulated toy as its protocol's bytes. */
class CommandPathRigTest {

    private static byte[] expected(ToyModel model, int value) {
        return switch (model) {
            case LOVENSE -> ("Vibrate:" + value + ";").getBytes(StandardCharsets.US_ASCII);
            case WEVIBE -> new byte[] {0x0f, 0x03, 0x00, (byte) (value | (value << 4)), 0x00, 0x03, 0x00, 0x00};
        };
    }

    @ParameterizedTest
    @EnumSource(ToyModel.class)
    void aClientCommandArrivesAtThePeripheralAsTheProtocolsWrite(ToyModel model) throws Exception {
        try (CommandPathRig rig = CommandPathRig.full(model)) {
            for (int value : new int[] {10, 5, 10}) {
                var written = rig.toy.expectWrite();
                rig.clientDevice().output(0, OutputCommand.of(OutputType.VIBRATE, value)).get(5, TimeUnit.SECONDS);
                assertThat(written.get(5, TimeUnit.SECONDS)).isEqualTo(expected(model, value));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ToyModel.class)
    void aDeviceCommandArrivesAtThePeripheralAsTheProtocolsWrite(ToyModel model) throws Exception {
        try (CommandPathRig rig = CommandPathRig.deviceOnly(model)) {
            var written = rig.toy.expectWrite();
            rig.device().output(0, OutputCommand.of(OutputType.VIBRATE, 7)).get(5, TimeUnit.SECONDS);
            assertThat(written.get(5, TimeUnit.SECONDS)).isEqualTo(expected(model, 7));
        }
    }
}
