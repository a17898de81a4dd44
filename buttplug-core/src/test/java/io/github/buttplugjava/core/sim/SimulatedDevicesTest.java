package io.github.buttplugjava.core.sim;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedDevicesTest {

    @Test
    void catalogueHasTheKindsTheCliLists() {
        assertThat(SimulatedToy.names()).contains("lovense", "wevibe", "vibrator", "vibrator2", "vibrator3", "rotator", "stroker");
        assertThat(SimulatedToy.named("vibrator3").features()).hasSize(4);
        assertThat(SimulatedToy.named("rotator").features().get(0).output(OutputType.ROTATE).orElseThrow().value().min()).isEqualTo(-20);
        assertThatThrownBy(() -> SimulatedDevices.of("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lovense");
    }

    @Test
    void recordsCommandsAndKnowsCurrentValues() throws Exception {
        SimulatedDevices sim = SimulatedDevices.of("lovense", "lovense");
        assertThat(sim.devices()).extracting(SimulatedDevice::identifier).containsExactly("sim:lovense#1", "sim:lovense#2");
        SimulatedDevice hush = sim.device("lovense");
        hush.output(0, OutputCommand.of(OutputType.VIBRATE, 10)).get(1, TimeUnit.SECONDS);
        assertThat(hush.awaitOutput(0, c -> c.value() == 10, Duration.ofSeconds(1)).type()).isEqualTo(OutputType.VIBRATE);
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isEqualTo(10);
        assertThatThrownBy(() -> hush.output(0, OutputCommand.of(OutputType.VIBRATE, 21)).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ButtplugDeviceException.class);
        hush.stop().get(1, TimeUnit.SECONDS);
        assertThat(hush.outputValue(0, OutputType.VIBRATE)).isZero();
        assertThatThrownBy(() -> hush.awaitOutput(0, c -> c.value() == 3, Duration.ofMillis(20)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no matching command");
    }
}
